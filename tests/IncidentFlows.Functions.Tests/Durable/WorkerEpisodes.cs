using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using P = Microsoft.DurableTask.Protobuf;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>
/// The orchestrator run by <see cref="GrpcOrchestrationRunner.LoadAndRun(string, Microsoft.DurableTask.ITaskOrchestrator, IServiceProvider?)"/>,
/// the entry point through which the Functions isolated worker executes every orchestration episode:
/// the Durable extension in the Functions host sends the history and the episode's new events, the
/// worker replays and answers with actions. Here the spec plays the host's part, so it chooses the
/// batch of new events (the Azure Storage provider delivers every message that is waiting for an
/// instance in one batch) and the orchestration's time (retry back-offs of minutes pass at once).
/// One instance of this class is one execution (one generation) of one instance.
/// </summary>
internal sealed partial class WorkerEpisodes
{
    private readonly List<P.HistoryEvent> _past = [];
    private readonly IServiceProvider _services;
    private readonly string _executionId = Guid.NewGuid().ToString("N");

    public WorkerEpisodes(string instanceId, DateTime now, ILoggerFactory logging)
    {
        InstanceId = instanceId;
        Now = now;
        _services = new ServiceCollection().AddSingleton(logging).BuildServiceProvider();
    }

    public string InstanceId { get; }

    /// <summary>The orchestration's time in the next episode (its OrchestratorStarted timestamp).</summary>
    public DateTime Now { get; set; }

    /// <summary>Every action the worker answered with in this execution, by id.</summary>
    public Dictionary<int, P.OrchestratorAction> Actions { get; } = [];

    /// <summary>Starts this execution with <paramref name="input"/> and the events the host delivers with it.</summary>
    public P.OrchestratorResponse Start(string input, params P.HistoryEvent[] with) =>
        Run([Event(e => e.ExecutionStarted = new P.ExecutionStartedEvent
        {
            Name = IncidentOrchestration.Name,
            Input = JsonSerializer.Serialize(input),
            OrchestrationInstance = new P.OrchestrationInstance { InstanceId = InstanceId, ExecutionId = _executionId },
        }), .. with]);

    /// <summary>What the worker would answer to this batch, without making it part of the history.</summary>
    public P.OrchestratorResponse Preview(params P.HistoryEvent[] batch) => Execute(batch).Response;

    /// <summary>Runs one episode with <paramref name="batch"/> and records it and the actions it produced as history.</summary>
    public P.OrchestratorResponse Run(params P.HistoryEvent[] batch)
    {
        var (newEvents, response) = Execute(batch);
        _past.AddRange(newEvents);
        foreach (var action in response.Actions)
        {
            Actions[action.Id] = action;
            if (Scheduled(action) is { } scheduled)
            {
                _past.Add(scheduled);
            }
        }

        return response;
    }

    /// <summary>
    /// Plays the host through one turn from <paramref name="response"/>: answers every activity the
    /// worker schedules with <paramref name="answer"/> and fires every timer it creates (at its time),
    /// until the worker asks for nothing more. <paramref name="lastBatch"/> may rewrite the batch that
    /// ends the turn, to deliver more events with it; <paramref name="alongside"/> delivers events, once,
    /// in an episode of their own while the named activity runs.
    /// </summary>
    public P.OrchestratorResponse Drive(
        P.OrchestratorResponse response,
        Func<int, string, string, P.HistoryEvent> answer,
        Func<P.HistoryEvent[], P.HistoryEvent[]>? lastBatch = null,
        Func<string, P.HistoryEvent[]>? alongside = null)
    {
        while (true)
        {
            var timers = response.Actions.Where(a => a.CreateTimer is not null).ToList();
            var tasks = ScheduledTasks(response).ToList();
            P.HistoryEvent[] batch = [.. tasks.Select(t => answer(t.Id, t.Name, t.Input))];
            if (alongside is not null)
            {
                // delivered after the activity was scheduled and before its answer, while the turn waits on it
                var meanwhile = tasks.SelectMany(t => alongside(t.Name)).ToArray();
                if (meanwhile.Length > 0)
                {
                    response = Run(meanwhile);
                    alongside = null;
                }
            }

            if (batch.Length == 0 && timers.Count == 0)
            {
                return response;
            }

            if (timers.Count > 0)
            {
                Now = timers.Max(t => t.CreateTimer.FireAt.ToDateTime());
                batch = [.. batch, .. timers.Select(t => TimerFired(t.Id))];
            }

            if (lastBatch is not null && ContinuedWith(Preview(batch)) is not null)
            {
                batch = lastBatch(batch);
            }

            response = Run(batch);
        }
    }

    /// <summary>The commits this execution asked PersistIncidentCommit to store.</summary>
    public IEnumerable<CommitRequest> Commits =>
        Actions.Values
            .Where(a => a.ScheduleTask is { Name: IncidentActivities.PersistCommit })
            .Select(a => IncidentJson.Deserialize<CommitRequest>(ActivityInput(a.ScheduleTask)));

    public P.HistoryEvent TimerFired(int timerId) =>
        Event(e => e.TimerFired = new P.TimerFiredEvent { TimerId = timerId, FireAt = Actions[timerId].CreateTimer.FireAt });

    private (List<P.HistoryEvent> NewEvents, P.OrchestratorResponse Response) Execute(P.HistoryEvent[] batch)
    {
        List<P.HistoryEvent> newEvents = [Event(e => e.OrchestratorStarted = new P.OrchestratorStartedEvent()), .. batch];
        foreach (var e in newEvents)
        {
            e.Timestamp = Timestamp.FromDateTime(Now);
        }

        var request = new P.OrchestratorRequest
        {
            InstanceId = InstanceId,
            ExecutionId = _executionId,
            PastEvents = { _past },
            NewEvents = { newEvents },
        };
        var answer = GrpcOrchestrationRunner.LoadAndRun(request.ToByteString().ToBase64(), new IncidentOrchestrationTask(), _services);
        return (newEvents, P.OrchestratorResponse.Parser.ParseFrom(ByteString.FromBase64(answer)));
    }

    /// <summary>The history event the host records for an action (its id becomes the event id).</summary>
    private P.HistoryEvent? Scheduled(P.OrchestratorAction action)
    {
        var e = action.OrchestratorActionTypeCase switch
        {
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask => Event(h => h.TaskScheduled = new P.TaskScheduledEvent
            {
                Name = action.ScheduleTask.Name,
                Input = action.ScheduleTask.Input,
            }),
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer => Event(h => h.TimerCreated = new P.TimerCreatedEvent { FireAt = action.CreateTimer.FireAt }),
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent => Event(h => h.EventSent = new P.EventSentEvent
            {
                InstanceId = action.SendEvent.Instance.InstanceId,
                Name = action.SendEvent.Name,
                Input = action.SendEvent.Data,
            }),
            _ => null,
        };
        if (e is not null)
        {
            e.EventId = action.Id;
            e.Timestamp = Timestamp.FromDateTime(Now);
        }

        return e;
    }

    private static P.HistoryEvent Event(Action<P.HistoryEvent> set)
    {
        var e = new P.HistoryEvent { EventId = -1 };
        set(e);
        return e;
    }
}
