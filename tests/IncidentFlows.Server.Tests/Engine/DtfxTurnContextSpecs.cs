using IncidentFlows.App.Durable;
using IncidentFlows.Server.Engine;

namespace IncidentFlows.Server.Tests.Engine;

/// <summary>The DTFx adapter's promises to the turn, on a context the spec drives by hand.</summary>
public sealed class DtfxTurnContextSpecs
{
    private static readonly DateTime T0 = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_timer_that_fires_before_its_deadline_is_armed_again_for_the_rest()
    {
        var dtfx = new ScriptedOrchestrationContext("INC-1", T0);
        var turn = new DtfxTurnContext(dtfx);
        var deadline = T0.AddSeconds(10);

        var timer = turn.CreateTimerAsync(deadline, CancellationToken.None);
        dtfx.FireLatestTimerAt(T0.AddSeconds(9.4)); // queue visibility is whole seconds: 0.6 s early

        Assert.False(timer.IsCompleted);
        Assert.Equal([deadline, deadline], dtfx.Timers.Select(t => t.FireAt));
        dtfx.FireLatestTimerAt(deadline);
        await timer;
        Assert.True(turn.CurrentUtcDateTime >= deadline);
    }

    [Fact]
    public async Task A_wait_longer_than_six_days_is_a_chain_of_timers_no_longer_than_six_days()
    {
        var dtfx = new ScriptedOrchestrationContext("INC-1", T0);
        var turn = new DtfxTurnContext(dtfx);

        var timer = turn.CreateTimerAsync(T0.AddDays(13), CancellationToken.None);
        dtfx.FireLatestTimerAt(T0.AddDays(6));
        dtfx.FireLatestTimerAt(T0.AddDays(12));
        dtfx.FireLatestTimerAt(T0.AddDays(13));
        await timer;

        Assert.Equal([T0.AddDays(6), T0.AddDays(12), T0.AddDays(13)], dtfx.Timers.Select(t => t.FireAt));
    }

    [Fact]
    public async Task A_deadline_already_reached_needs_no_timer()
    {
        var dtfx = new ScriptedOrchestrationContext("INC-1", T0);

        await new DtfxTurnContext(dtfx).CreateTimerAsync(T0.AddSeconds(-1), CancellationToken.None);

        Assert.Empty(dtfx.Timers);
    }

    [Fact]
    public async Task Cancelling_a_timer_ends_its_wait()
    {
        var dtfx = new ScriptedOrchestrationContext("INC-1", T0);
        using var cancel = new CancellationTokenSource();

        var timer = new DtfxTurnContext(dtfx).CreateTimerAsync(T0.AddMinutes(5), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => timer);
    }

    [Fact]
    public async Task A_command_goes_to_the_open_wait_before_the_event_is_done_with()
    {
        var dtfx = new ScriptedOrchestrationContext("INC-1", T0);
        var turn = new DtfxTurnContext(dtfx);
        var wait = turn.WaitForCommandAsync(CancellationToken.None);

        turn.Deliver("ack");

        Assert.True(wait.IsCompletedSuccessfully); // inline: Task.WhenAny(command, timer) replays the same way
        Assert.Equal("ack", await wait);
        Assert.Empty(dtfx.Sent);
    }

    [Fact]
    public async Task A_command_that_arrived_before_the_wait_is_taken_by_it()
    {
        var turn = new DtfxTurnContext(new ScriptedOrchestrationContext("INC-1", T0));
        turn.Deliver("ack");

        Assert.Equal("ack", await turn.WaitForCommandAsync(CancellationToken.None));
    }

    [Fact]
    public void At_continue_as_new_the_commands_not_taken_are_sent_back_to_the_instance_in_the_order_they_came()
    {
        var dtfx = new ScriptedOrchestrationContext("INC-1", T0);
        var turn = new DtfxTurnContext(dtfx);
        turn.Deliver("update");
        turn.Deliver("resolve");

        turn.ContinueAsNew("next input");
        turn.Deliver("close"); // the same batch, after ContinueAsNew

        Assert.Equal("next input", dtfx.ContinuedWith);
        Assert.Equal(["update", "resolve", "close"], dtfx.Sent.Select(s => (string)s.Data));
        Assert.All(dtfx.Sent, s => Assert.Equal(("INC-1", null, IncidentOrchestration.CommandEvent), (s.To.InstanceId, s.To.ExecutionId, s.Name)));
    }

    [Fact]
    public void The_answer_to_a_wait_kept_open_at_continue_as_new_goes_to_the_next_execution()
    {
        var dtfx = new ScriptedOrchestrationContext("INC-1", T0);
        var turn = new DtfxTurnContext(dtfx);
        var kept = turn.WaitForCommandAsync(CancellationToken.None); // the timer won; the turn kept listening

        turn.ContinueAsNew("next input");
        turn.Deliver("ack");

        Assert.False(kept.IsCompleted);
        Assert.Equal(["ack"], dtfx.Sent.Select(s => (string)s.Data));
    }
}
