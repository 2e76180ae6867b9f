using IncidentFlows.App.Effects;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests;

[Collection(SharedAzurite.Name)]
public sealed class EscalationSpecs(AzuriteFixture azurite)
{
    private static readonly object CheckoutSev1 = new { title = "Checkout failing", severity = "SEV1", service = "checkout" };

    [Fact]
    public async Task Without_acknowledgement_the_next_level_is_paged_when_the_timeout_passes()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["warRoom"] is not null, "the declare's effects");

        host.Clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        var beforeTimeout = await host.GetAsync($"/api/incidents/{id}");
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var escalated = await host.EventuallyAsync(id, i => i["escalation"]!["level"]!.GetValue<int>() == 2, "level 2 to be paged");

        Assert.Equal(1, beforeTimeout["escalation"]!["level"]!.GetValue<int>());
        Assert.Equal("2026-11-23T10:15:00Z", escalated["escalation"]!["ackDeadline"]!.GetValue<string>());
    }

    [Fact]
    public async Task Acknowledging_stops_the_escalation()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.PostAsync($"/api/incidents/{id}/acknowledge", new { by = new { id = "oliver", name = "Oliver Hughes" } });

        // Past every level's deadline and past the first status update due at 10:30.
        host.Clock.Advance(TimeSpan.FromMinutes(29));
        await host.EventuallyAsync(id, i => string.CompareOrdinal(i["nextUpdateDue"]!.GetValue<string>(), "2026-11-23T11:00:00Z") > 0, "the missed update's reminder");
        var timeline = await host.GetAsync($"/api/incidents/{id}/timeline");

        Assert.Single(timeline["rows"]!.AsArray(), r => r!["kind"]!.GetValue<string>() == "paged");
        Assert.Contains(timeline["rows"]!.AsArray(), r => r!["kind"]!.GetValue<string>() == "reminder");
    }

    [Theory]
    [InlineData("503")]
    [InlineData("timeout")] // HttpClient reports its timeout as a TaskCanceledException, which must not stop the worker
    public async Task A_failing_announcement_is_retried_and_never_holds_up_the_next_page(string failure)
    {
        var failing = new AnnouncementsFail(failure == "timeout"
            ? new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.")
            : new HttpRequestException("503 from the Bot Connector"));
        using var host = new ServerHost(azurite.Server, services: s => s.AddSingleton<IEffectRunner>(sp =>
        {
            failing.Inner = ActivatorUtilities.CreateInstance<ConsoleEffectRunner>(sp);
            return failing;
        }));
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["warRoom"] is not null && failing.Attempts > 0, "the war room and a first failed announcement");

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var escalated = await host.EventuallyAsync(id, i => i["escalation"]!["level"]!.GetValue<int>() == 2, "level 2 despite the failing announcement");

        Assert.Null(escalated["announcement"]);

        // The retry runs on its own back-off, beside the escalation: wait for it rather than race it.
        await Poll.UntilSeenAsync(() => failing.Attempts >= 2 ? "retried" : null, () => $"the announcement retried; tried {failing.Attempts} time(s)");
    }

    /// <summary>Teams is down for announcements only; everything else works.</summary>
    private sealed class AnnouncementsFail(Exception failure) : IEffectRunner
    {
        private int _attempts;

        public ConsoleEffectRunner Inner { get; set; } = null!;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
        {
            if (effect is IncidentEffect.PublishAnnouncement)
            {
                Interlocked.Increment(ref _attempts);
                throw failure;
            }

            return Inner.RunAsync(effect, incident, ct);
        }
    }
}
