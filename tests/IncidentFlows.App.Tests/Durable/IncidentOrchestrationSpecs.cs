using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using NodaTime;
using NSubstitute;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Tests.Durable;

public class IncidentOrchestrationSpecs
{
    private static readonly Instant Now = T0 + Duration.FromMinutes(2);

    [Fact]
    public async Task A_command_that_arrives_before_the_wake_up_is_taken_and_the_timer_is_cancelled()
    {
        var harness = new OrchestrationHarness(Now);
        var state = Declared(T0);
        harness.Send(new C.Acknowledge(Bob));

        await harness.RunAsync(state, 1);

        Assert.Equal(WakeUps.Next(state)!.At.ToDateTimeUtc(), harness.TimerAt);
        Assert.True(harness.TimerToken.IsCancellationRequested);
        var commit = Assert.Single(harness.Commits);
        Assert.Contains(commit.Events, e => e is E.Acknowledged { By.Id: "bob" });
    }

    [Fact]
    public async Task When_the_wake_up_comes_first_its_command_is_taken_and_the_timer_is_not_cancelled()
    {
        var harness = new OrchestrationHarness(Now);
        var state = Declared(T0 - Duration.FromHours(1));
        var wake = WakeUps.Next(state)!;
        harness.Timer.SetResult();

        await harness.RunAsync(state, 1);

        Assert.False(harness.TimerToken.IsCancellationRequested);
        var commit = Assert.Single(harness.Commits);
        Assert.Equal(Take(wake.Command, state, Now).Decision.Events, commit.Events);
    }

    [Fact]
    public async Task A_command_that_arrives_while_the_timer_turn_runs_is_taken_in_the_same_turn_not_lost()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Timer.SetResult();
        harness.Respond = call =>
        {
            if (call.Name == IncidentActivities.PersistCommit && !harness.Command.Task.IsCompleted)
            {
                harness.Send(new C.Acknowledge(Bob)); // raised while the timer's commit is being stored
            }

            return OrchestrationHarness.Default(call);
        };

        await harness.RunAsync(Declared(T0 - Duration.FromHours(1)), 1);

        Assert.Equal(2, harness.Commits.Count);
        Assert.Contains(harness.Commits[1].Events, e => e is E.Acknowledged);
        Assert.True(harness.Continued.State!.IsAcknowledged);
    }

    [Fact]
    public async Task The_turn_ends_with_ContinueAsNew_carrying_the_new_state_and_its_sequence()
    {
        var harness = new OrchestrationHarness(Now);
        var state = Declared(T0);
        harness.Send(new C.Acknowledge(Bob));

        await harness.RunAsync(state, 1);

        var next = harness.Continued;
        Assert.Equal(Id, next.Incident);
        Assert.Equal(2, next.Version);
        Assert.Empty(next.Pending);
        Assert.Equal(Take(new C.Acknowledge(Bob), state, Now).State, next.State);
        Assert.Equal(2, harness.Commits.Single().Sequence);
    }

    [Fact]
    public async Task Decisions_use_the_orchestrations_replay_safe_time()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Send(new C.Acknowledge(Bob));

        await harness.RunAsync(Declared(T0), 1);

        Assert.All(harness.Commits.Single().Events, e => Assert.Equal(Now, e.At));
    }

    [Fact]
    public async Task A_new_instance_takes_its_first_command_from_the_input_without_waiting()
    {
        var harness = new OrchestrationHarness(Now);

        await harness.RunAsync(null, 0, Declare());

        Assert.False(harness.Command.Task.IsCompleted); // no command ever arrived, yet the turn ran to its end
        Assert.Equal(1, harness.Commits[0].Sequence);
        Assert.IsType<E.Declared>(harness.Commits[0].Events[0]);
    }

    [Fact]
    public async Task The_commit_is_persisted_before_its_effects_run_and_the_effects_run_in_the_order_the_turn_derived_them()
    {
        var harness = new OrchestrationHarness(Now);

        await harness.RunAsync(null, 0, Declare());

        var expected = Take(Declare(), null, Now).Effects;
        Assert.NotEmpty(expected);
        Assert.Equal(expected, harness.EffectsRun);
        var names = harness.Activities.Select(a => a.Name).ToList();
        Assert.Equal(
            [IncidentActivities.LoadTeamConfiguration, IncidentActivities.PersistCommit, .. expected.Select(_ => IncidentActivities.RunEffect)],
            names);
    }

    [Fact]
    public async Task Pages_run_with_the_page_retry_policy_other_effects_with_the_effect_policy_and_storage_with_the_storage_policy()
    {
        var harness = new OrchestrationHarness(Now);

        await harness.RunAsync(null, 0, Declare());

        var effects = harness.Activities.Where(a => a.Name == IncidentActivities.RunEffect).ToList();
        Assert.Contains(effects, a => OrchestrationHarness.EffectOf(a) is X.Page);
        Assert.All(effects, a => Assert.Same(OrchestrationHarness.EffectOf(a) is X.Page ? ActivityRetry.Page : ActivityRetry.Effect, a.Retry));
        Assert.All(harness.Activities.Where(a => a.Name != IncidentActivities.RunEffect), a => Assert.Same(ActivityRetry.Storage, a.Retry));
        Assert.All([ActivityRetry.Page, ActivityRetry.Effect], retry => Assert.InRange(retry.MaxAttempts, 2, 5));
        Assert.True(ActivityRetry.Effect.BackoffCoefficient > 1);
    }

    [Fact]
    public async Task An_effects_result_comes_back_as_a_command_in_the_same_turn()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => call.Name == IncidentActivities.RunEffect
            && IncidentJson.Deserialize<EffectRequest>(call.Input).Effect is X.OpenWarRoom
                ? IncidentJson.Serialize<C>(new C.RecordWarRoom("19:room", "inc-2026-11-23-checkout-failing", null))
                : OrchestrationHarness.Default(call);

        await harness.RunAsync(null, 0, Declare());

        Assert.Equal([1, 2], harness.Commits.Select(c => c.Sequence));
        Assert.IsType<E.WarRoomRecorded>(Assert.Single(harness.Commits[1].Events));
        Assert.Contains(harness.EffectsRun, e => e is X.WelcomeWarRoom);
        Assert.Equal("inc-2026-11-23-checkout-failing", harness.Continued.State!.WarRoom!.Name);
        Assert.Equal(2, harness.Continued.Version);
    }

    [Fact]
    public async Task A_refused_command_stores_nothing_and_the_instance_waits_again_with_the_same_state()
    {
        var harness = new OrchestrationHarness(Now);
        var state = Declared(T0);
        var refused = new C.PostUpdate("   ", Bob);
        Assert.True(Take(refused, state, Now).Decision.IsRejected);
        harness.Send(refused);

        await harness.RunAsync(state, 1);

        Assert.Empty(harness.Commits);
        Assert.Equal(state, harness.Continued.State);
        Assert.Equal(1, harness.Continued.Version);
    }

    [Fact]
    public async Task Closing_completes_the_instance_instead_of_continuing_as_new()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Send(new C.Close(Bob));

        await harness.RunAsync(Resolved(T0), 2);

        Assert.Equal(IncidentStatus.Closed, Assert.Single(harness.Commits).State.Status);
        harness.Context.DidNotReceive().ContinueAsNew(Arg.Any<string>());
    }

    [Fact]
    public async Task A_resolved_incident_waits_for_a_command_without_a_timer()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Send(new C.AddNote("customer confirmed", Alice));

        await harness.RunAsync(Resolved(T0), 2);

        _ = harness.Context.DidNotReceive().CreateTimerAsync(Arg.Any<DateTime>(), Arg.Any<CancellationToken>());
        Assert.Single(harness.Commits);
    }

    [Fact]
    public async Task A_turn_takes_a_bounded_number_of_commands_and_carries_the_rest_to_the_next_turn()
    {
        var harness = new OrchestrationHarness(Now);
        var notes = Enumerable.Range(1, IncidentOrchestration.MaxCommandsPerTurn + 5)
            .Select(i => (C)new C.AddNote($"note {i}", Alice, $"key-{i}")).ToArray();

        await harness.RunAsync(Declared(T0), 1, notes);

        Assert.Equal(IncidentOrchestration.MaxCommandsPerTurn, harness.Commits.Count);
        Assert.Equal(notes[^5..], harness.Continued.Pending);
        Assert.Equal(1 + IncidentOrchestration.MaxCommandsPerTurn, harness.Continued.Version);
    }

    [Fact]
    public async Task A_command_the_kept_wait_took_is_carried_when_the_timer_turn_stops_at_its_bound()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Timer.SetResult();
        var changes = 0;
        harness.Respond = call =>
        {
            if (call.Name == IncidentActivities.RunEffect && harness.Commits.Count == IncidentOrchestration.MaxCommandsPerTurn && !harness.Command.Task.IsCompleted)
            {
                harness.Send(new C.Acknowledge(Bob)); // taken by the kept wait during an effect after the turn's last commit, while that effect adds a command
            }

            // Every effect answers with a severity change, whose commit has effects again: the turn reaches its bound.
            return call.Name == IncidentActivities.RunEffect
                ? IncidentJson.Serialize<C>(new C.ChangeSeverity(++changes % 2 == 0 ? Severity.Sev1 : Severity.Sev2, Alice))
                : OrchestrationHarness.Default(call);
        };

        await harness.RunAsync(Declared(T0 - Duration.FromHours(1)), 1);

        Assert.Equal(IncidentOrchestration.MaxCommandsPerTurn, harness.Commits.Count(c => c.Events.Count > 0));
        Assert.DoesNotContain(harness.CommittedEvents, e => e is E.Acknowledged); // the bound came first
        Assert.Contains(harness.Continued.Pending, c => c is C.Acknowledge);
    }
}
