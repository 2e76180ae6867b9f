using System.Collections.Concurrent;
using IncidentFlows.App.Sweeps;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace IncidentFlows.Server.Tests;

[Collection(SharedAzurite.Name)]
public sealed class SweepSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_standalone_server_sends_the_next_handoff_digest_listing_the_open_incidents_handed_over()
    {
        var (notices, sweeps) = (new RecordedNotices(), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var started = sweeps.GetUtcNow();
        using var host = Host(notices, sweeps);
        var id = (await host.DeclareAsync(new { title = "Checkout failing", severity = "sev2", service = "checkout" }))["id"]!.GetValue<string>();

        // Step the sweeps' clock a 15-minute window at a time through the next day: every schedule hands over in it.
        var digest = await Poll.UntilSeenAsync(
            () =>
            {
                if (sweeps.GetUtcNow() < started.AddDays(1))
                {
                    sweeps.Advance(TimeSpan.FromMinutes(15));
                }

                return notices.Digests.FirstOrDefault();
            },
            () => $"a handoff digest; the sweeps' clock is at {sweeps.GetUtcNow():u}",
            TimeSpan.FromSeconds(60));

        Assert.Contains(digest.Inherited, i => i.IncidentId == id);
        Assert.InRange(digest.At.ToDateTimeOffset(), started.AddMinutes(-15), sweeps.GetUtcNow()); // a window the sweeps' clock passed
    }

    [Fact]
    public async Task An_overdue_action_item_is_reminded_on_the_next_working_morning()
    {
        var (notices, sweeps) = (new RecordedNotices(), new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var host = Host(notices, sweeps);
        var id = (await host.DeclareAsync(new { title = "Checkout failing", severity = "sev3" }))["id"]!.GetValue<string>();
        var due = DateTimeOffset.UtcNow.UtcDateTime.Date;
        await host.PostAsync($"/api/incidents/{id}/actions", new { title = "Alert on 5xx", importance = "high", urgency = "high", size = "hours", due = $"{due:yyyy-MM-dd}" });

        var morning = NextWorkingMorning(due);
        sweeps.Advance(morning - sweeps.GetUtcNow() + TimeSpan.FromMinutes(1));
        var reminder = await EventuallyAsync(() => notices.Overdue.FirstOrDefault());

        Assert.Equal((id, 1, (int)(morning.UtcDateTime.Date - due).TotalDays), (reminder.Incident.Value, reminder.Item.Number, reminder.DaysOverdue));
    }

    /// <summary>The server on the engine's clock; only the calendar sweeps run on <paramref name="sweeps"/>, which the spec moves.</summary>
    private ServerHost Host(RecordedNotices notices, FakeTimeProvider sweeps) => new(azurite.Server, services: s =>
    {
        s.AddSingleton<ISweepNotices>(notices);
        s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SweepScheduler)));
        s.AddHostedService(sp => ActivatorUtilities.CreateInstance<SweepScheduler>(sp, (TimeProvider)sweeps));
    });

    /// <summary>08:00 UTC on the first working day after <paramref name="day"/>.</summary>
    private static DateTimeOffset NextWorkingMorning(DateTime day)
    {
        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return new DateTimeOffset(next.AddHours(8), TimeSpan.Zero);
    }

    private static Task<T> EventuallyAsync<T>(Func<T?> probe)
        where T : class => Poll.UntilSeenAsync(probe, () => "the sweep");

    private sealed class RecordedNotices : ISweepNotices
    {
        public ConcurrentQueue<HandoffDigestEntry> Digests { get; } = new();

        public ConcurrentQueue<OverdueActionItem> Overdue { get; } = new();

        public Task SendHandoffDigestAsync(HandoffDigestEntry entry, CancellationToken ct)
        {
            Digests.Enqueue(entry);
            return Task.CompletedTask;
        }

        public Task RemindOverdueAsync(OverdueActionItem item, CancellationToken ct)
        {
            Overdue.Enqueue(item);
            return Task.CompletedTask;
        }
    }
}
