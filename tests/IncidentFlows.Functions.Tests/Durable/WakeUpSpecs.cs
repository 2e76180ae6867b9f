using IncidentFlows.Domain.Incidents;
using NodaTime;
using static IncidentFlows.Functions.Tests.Durable.SampleIncident;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>The wake-up timer on the real Durable Task worker: it fires and escalates, and a command that races it is taken.</summary>
public sealed class WakeUpSpecs
{
    private static readonly Duration DeadlineIn = Duration.FromSeconds(3);

    [Fact]
    public async Task When_nobody_acknowledges_the_timer_fires_at_the_deadline_and_the_next_level_is_paged()
    {
        await using var engine = await DurableEngine.StartAsync();
        var id = new IncidentId("INC-111");
        var state = AckDeadlineAt(id, SystemClock.Instance.GetCurrentInstant() + DeadlineIn);
        var expected = ExpectedEscalation(state);

        await engine.StartAsync(id, Waiting(state));
        var commit = await engine.Activities.CommitAsync(2);
        var continued = await engine.UntilWaitingAfterAsync(id, 2);

        var paged = Assert.Single(commit.Events.OfType<E.Paged>());
        Assert.Equal((expected.Level, expected.Round), (paged.Level, paged.Round));
        Assert.True(paged.At >= WakeUps.Next(state)!.At, $"paged at {paged.At}, before the deadline {WakeUps.Next(state)!.At}");
        Assert.False(continued.State!.IsAcknowledged);
        Assert.Equal(commit.State, continued.State);
    }

    [Fact]
    public async Task A_command_raised_while_the_timers_turn_stores_its_commit_is_taken_in_that_turn_not_lost()
    {
        DurableEngine? engine = null;
        var id = new IncidentId("INC-112");
        var activities = new RecordingActivities();
        var teamLoadsWhenAcknowledged = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        activities.OnCommit = async commit =>
        {
            if (commit.Sequence == 2)
            {
                // The timer won; the turn still listens for a command (its kept wait) while it stores the escalation.
                await engine!.RaiseAsync(id, new C.Acknowledge(Bob));
                await Task.Delay(TimeSpan.FromSeconds(3)); // lets the worker deliver the event while this activity runs (1 s was too short at load 20)
            }
            else if (commit.Sequence == 3)
            {
                teamLoadsWhenAcknowledged.TrySetResult(engine!.Activities.TeamLoads);
            }
        };
        await using (engine = await DurableEngine.StartAsync(activities))
        {
            await engine.StartAsync(id, Waiting(AckDeadlineAt(id, SystemClock.Instance.GetCurrentInstant() + DeadlineIn)));
            var loads = await teamLoadsWhenAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var commits = engine.Activities.Commits;
            Assert.Contains(commits[0].Events, e => e is E.Paged);
            Assert.Contains(commits[1].Events, e => e is E.Acknowledged { By.Id: "bob" });
            // One turn took both the wake-up and the command: a turn of its own would have loaded the team
            // again before committing the ack. (Later turns, such as the update reminder the ack makes due, may follow.)
            Assert.Equal(1, loads);
        }
    }

    private static E.Paged ExpectedEscalation(Incident state)
    {
        var wake = WakeUps.Next(state)!;
        var turn = IncidentTurn.Take(wake.Command, state, new DecisionContext(wake.At, Team.Policies, Team.OnCall), Team.Effects);
        return Assert.Single(turn.Decision.Events.OfType<E.Paged>());
    }
}
