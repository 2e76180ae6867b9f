using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace IncidentFlows.App.Sweeps;

/// <summary>
/// The standalone server's calendar sweeps, on the same cadence as the Functions host's timer
/// triggers: handoff digests every 15 minutes, overdue action-item reminders at 08:00 UTC on working
/// days. Every server process runs them (one server per team: docs/engine.md). Windows missed while no
/// server ran are not sent late.
/// </summary>
public sealed partial class SweepScheduler(
    HandoffDigestSweep handoffs,
    OverdueActionItemSweep overdue,
    TimeProvider clock,
    ILogger<SweepScheduler> log) : BackgroundService
{
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastWindow = HandoffDigestSweep.WindowEndingAt(Now());
        var lastReminderDay = Now().InUtc().Date;
        using var timer = new PeriodicTimer(Resolution, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Now();
            try
            {
                var window = HandoffDigestSweep.WindowEndingAt(now);
                if (window.End > lastWindow.End)
                {
                    var digests = await handoffs.RunAsync(new Interval(lastWindow.End, window.End), stoppingToken);
                    LogSent("handoff digests", digests);
                    lastWindow = window;
                }

                var today = now.InUtc();
                if (today.Date > lastReminderDay && today.Hour >= 8 && today.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                {
                    var reminders = await overdue.RunAsync(now, stoppingToken);
                    LogSent("overdue action-item reminders", reminders);
                    lastReminderDay = today.Date;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e); // tried again at the next tick
            }
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(clock.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} {What}")]
    private partial void LogSent(string what, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A calendar sweep failed; trying again shortly")]
    private partial void LogFailed(Exception exception);
}
