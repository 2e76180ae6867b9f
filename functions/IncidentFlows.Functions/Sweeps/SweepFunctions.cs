using IncidentFlows.App.Sweeps;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace IncidentFlows.Functions.Sweeps;

/// <summary>
/// Sweeps where a sweep is the right tool: handoffs and due dates are facts of the team's calendar,
/// not of one incident, so they run on timers rather than in the incident orchestrations.
/// </summary>
public sealed class SweepFunctions(HandoffDigestSweep handoffs, OverdueActionItemSweep overdue, TimeProvider clock)
{
    [Function("HandoffDigests")]
    public Task HandoffDigestsAsync([TimerTrigger(HandoffDigestSweep.Schedule)] TimerInfo timer, FunctionContext context) =>
        handoffs.RunAsync(HandoffDigestSweep.WindowEndingAt(Instant.FromDateTimeOffset(clock.GetUtcNow())), context.CancellationToken);

    [Function("OverdueActionItemReminders")]
    public Task OverdueActionItemsAsync([TimerTrigger(OverdueActionItemSweep.Schedule)] TimerInfo timer, FunctionContext context) =>
        overdue.RunAsync(Instant.FromDateTimeOffset(clock.GetUtcNow()), context.CancellationToken);
}
