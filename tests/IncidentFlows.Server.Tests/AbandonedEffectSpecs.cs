using IncidentFlows.App.Effects;
using IncidentFlows.App.Durable;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests;

/// <summary>An effect that fails on every attempt is on the timeline, not retried forever in silence (the engine's bounded activity retry).</summary>
[Collection(SharedAzurite.Name)]
public sealed class AbandonedEffectSpecs(AzuriteFixture azurite)
{
    private static readonly object CheckoutSev1 = new { title = "Checkout failing", severity = "SEV1", service = "checkout" };

    [Fact]
    public async Task An_announcement_that_fails_on_every_attempt_is_abandoned_on_the_timeline_and_the_incident_goes_on()
    {
        var failing = new AnnouncementsFail();
        using var host = new ServerHost(azurite.Server, services: s => s.AddSingleton<IEffectRunner>(sp =>
        {
            failing.Inner = ActivatorUtilities.CreateInstance<ConsoleEffectRunner>(sp);
            return failing;
        }));
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();

        // The engine retries with real back-off (5 s, then 10 s) before it gives up.
        var abandoned = await Poll.UntilAsync(
            async () =>
            {
                var rows = (await host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray();
                return rows.FirstOrDefault(r => (string)r!["kind"]! == "delivery failed");
            },
            () => $"the announcement abandoned; tried {failing.Attempts} time(s)",
            timeout: TimeSpan.FromSeconds(60));

        Assert.StartsWith($"Gave up on the announcement after {ActivityRetry.Effect.MaxAttempts} attempts", (string)abandoned!["text"]!, StringComparison.Ordinal);
        Assert.Contains("503 from the Bot Connector", (string)abandoned["text"]!, StringComparison.Ordinal);
        Assert.True(failing.Attempts >= ActivityRetry.Effect.MaxAttempts);
        var incident = await host.GetAsync($"/api/incidents/{id}");
        Assert.NotNull(incident["warRoom"]); // the other effects went on
    }

    /// <summary>Teams is down for announcements only; everything else works.</summary>
    private sealed class AnnouncementsFail : IEffectRunner
    {
        private int _attempts;

        public ConsoleEffectRunner Inner { get; set; } = null!;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
        {
            if (effect is IncidentEffect.PublishAnnouncement)
            {
                Interlocked.Increment(ref _attempts);
                throw new HttpRequestException("503 from the Bot Connector");
            }

            return Inner.RunAsync(effect, incident, ct);
        }
    }
}
