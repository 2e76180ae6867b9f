using System.Collections.Concurrent;
using IncidentFlows.App.Sweeps;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests;

[Collection(SharedAzurite.Name)]
public sealed class SweepSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_standalone_server_sends_a_handoff_digest_listing_the_open_incidents_handed_over()
    {
        var notices = new RecordedNotices();
        using var host = new ServerHost(azurite.Server, services: s => s.AddSingleton<ISweepNotices>(notices));
        var id = (await host.DeclareAsync(new { title = "Checkout failing", severity = "sev2", service = "checkout" }))["id"]!.GetValue<string>();

        // Monday 10:00 London is declared in; the London layer hands over at 17:00 to the backstop.
        host.Clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(16));
        var digest = await EventuallyAsync(() => notices.Digests.FirstOrDefault(d => d.At == NodaTime.Instant.FromUtc(2026, 11, 23, 17, 0)));

        Assert.Equal("follow-the-sun", digest.ScheduleId);
        Assert.Contains(digest.Inherited, i => i.IncidentId == id);
    }

    [Fact]
    public async Task An_overdue_action_item_is_reminded_on_the_next_working_morning()
    {
        var notices = new RecordedNotices();
        using var host = new ServerHost(azurite.Server, services: s => s.AddSingleton<ISweepNotices>(notices));
        var id = (await host.DeclareAsync(new { title = "Checkout failing", severity = "sev3" }))["id"]!.GetValue<string>();
        await host.PostAsync($"/api/incidents/{id}/actions", new { title = "Alert on 5xx", importance = "high", urgency = "high", size = "hours", due = "2026-11-23" });

        host.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(1)); // Tuesday 08:01 UTC
        var reminder = await EventuallyAsync(() => notices.Overdue.FirstOrDefault());

        Assert.Equal((id, 1, 1), (reminder.Incident.Value, reminder.Item.Number, reminder.DaysOverdue));
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
