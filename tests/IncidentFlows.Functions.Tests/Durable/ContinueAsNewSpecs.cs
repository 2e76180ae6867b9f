using System.Text.Json;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Logging;
using NodaTime;
using static IncidentFlows.Functions.Tests.Durable.SampleIncident;
using static IncidentFlows.Functions.Tests.Durable.WorkerEpisodes;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using P = Microsoft.DurableTask.Protobuf;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>
/// Commands that arrive while a turn ends, on the worker the Functions host runs (<see cref="WorkerEpisodes"/>),
/// in the batches the Azure Storage provider can deliver. None is lost, by two paths:
/// <list type="bullet">
/// <item>an event delivered in the same batch after the turn called ContinueAsNew never reaches the
/// orchestrator's waiters: DTFx Core keeps it for the next execution (TaskOrchestrationContext.HandleEventRaisedEvent
/// → AddEventToNextIteration, because GrpcOrchestrationRunner runs the executor with BehaviorOnContinueAsNew.Carryover),
/// the worker answers it as a carry-over event and the Durable extension adds it to the next execution;</item>
/// <item>an event delivered while the turn still ran, with nobody waiting, is buffered by durabletask-dotnet;
/// the turn's wait while its effects run takes it (ADR 0013), and one left over is sent back to the instance
/// at ContinueAsNew (preserveUnprocessedEvents).</item>
/// </list>
/// </summary>
public sealed class ContinueAsNewSpecs : IDisposable
{
    private static readonly Instant Deadline = Instant.FromUtc(2026, 12, 2, 10, 0);
    private readonly ILoggerFactory _logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));

    /// <remarks>
    /// The case a reading of TaskOrchestrationContextWrapper suggested was lost: the timer's turn keeps
    /// its wait for a command open (IncidentOrchestration.NextCommandAsync), and the wrapper hands an
    /// event to the newest open waiter even after ContinueAsNew (CompleteExternalEvent). It is not lost,
    /// because DTFx does not raise an event to the orchestration once ContinueAsNew was called: the
    /// stale waiter never sees it.
    /// </remarks>
    [Fact]
    public void A_command_delivered_with_the_last_activity_of_a_timer_turn_is_carried_over_and_committed_by_the_next_execution()
    {
        var id = new IncidentId("INC-201");
        var first = new WorkerEpisodes(id.Value, Deadline.ToDateTimeUtc().AddSeconds(1), _logging);
        var wakeUp = Assert.Single(first.Start(Waiting(AckDeadlineAt(id, Deadline))).Actions, a => a.CreateTimer is not null);
        var ack = Command(new C.Acknowledge(Bob));

        var end = first.Drive(
            first.Run(first.TimerFired(wakeUp.Id)),
            Succeed,
            lastBatch: batch => [.. batch, Raised(IncidentOrchestration.CommandEvent, ack)]);

        var continued = Continued(end);
        Assert.Equal(2, continued.Version);
        Assert.False(continued.State!.IsAcknowledged);
        var carried = Assert.Single(end.Actions.Single(a => a.CompleteOrchestration is not null).CompleteOrchestration.CarryoverEvents);
        Assert.Equal(ack, JsonSerializer.Deserialize<string>(carried.EventRaised.Input));
        var commit = Assert.Single(NextExecutionCommits(id, first.Now, end));
        Assert.Equal(3, commit.Sequence);
        Assert.Contains(commit.Events, e => e is E.Acknowledged { By.Id: "bob" });
    }

    [Fact]
    public void A_command_delivered_while_a_turn_stores_its_commit_is_taken_by_the_same_turn_while_its_effects_run()
    {
        var id = new IncidentId("INC-202");
        var first = new WorkerEpisodes(id.Value, Deadline.ToDateTimeUtc().AddMinutes(-1), _logging);
        first.Start(Waiting(AckDeadlineAt(id, Deadline)));
        var resolve = Command(new C.Resolve(Bob, "rolled back"));

        // The acknowledgement wins the race with the wake-up; the resolution arrives while the
        // acknowledgement's commit is being stored, when the turn waits for nothing but that activity.
        var end = first.Drive(
            first.Run(Raised(IncidentOrchestration.CommandEvent, Command(new C.Acknowledge(Bob)))),
            Succeed,
            lastBatch: null,
            alongside: name => name == IncidentActivities.PersistCommit ? [Raised(IncidentOrchestration.CommandEvent, resolve)] : []);

        var continued = Continued(end);
        Assert.Equal(3, continued.Version); // the acknowledgement, then the resolution, in one execution
        Assert.Equal(IncidentStatus.Resolved, continued.State!.Status);
        Assert.DoesNotContain(end.Actions, a => a.SendEvent is not null); // nothing left over to send back
    }

    public void Dispose() => _logging.Dispose();

    private static IncidentFlowInput Continued(P.OrchestratorResponse end) =>
        IncidentJson.Deserialize<IncidentFlowInput>(ContinuedWith(end) ?? throw new InvalidOperationException("The turn did not continue as new."));

    /// <summary>Starts the next execution as the Durable extension does (its input, the events handed over) and runs its turn.</summary>
    private IEnumerable<CommitRequest> NextExecutionCommits(IncidentId id, DateTime now, P.OrchestratorResponse end)
    {
        var next = new WorkerEpisodes(id.Value, now, _logging);
        next.Drive(next.Start(ContinuedWith(end)!, ForNextExecution(end, id.Value)), Succeed);
        return next.Commits;
    }
}
