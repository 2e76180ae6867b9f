using IncidentFlows.App.Durable;
using IncidentFlows.App.Effects;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Server.Tests.Engine;
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
        using var host = new ServerHost(azurite.Server, teamFile: await TeamFiles.FastAsync(ackSeconds: 6));
        var declared = await host.DeclareAsync(CheckoutSev1);
        var id = declared["id"]!.GetValue<string>();
        var firstDeadline = Instant(declared["escalation"]!["ackDeadline"]!);

        var escalated = await host.EventuallyAsync(id, i => i["escalation"]!["level"]!.GetValue<int>() == 2, "level 2 to be paged");

        Assert.Equal(1, declared["escalation"]!["level"]!.GetValue<int>());
        Assert.Equal(Instant(declared["keyTimes"]!["reported"]!) + TimeSpan.FromSeconds(6), firstDeadline);
        Assert.True(DateTimeOffset.UtcNow >= firstDeadline, "level 2 was paged before level 1's deadline");
        var paged = Instant(escalated["escalation"]!["ackDeadline"]!) - TimeSpan.FromSeconds(6); // level 2 has 6 s from its page
        Assert.InRange(paged - firstDeadline, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Acknowledging_stops_the_escalation()
    {
        using var host = new ServerHost(azurite.Server, teamFile: await TeamFiles.FastAsync(ackSeconds: 5, updateSeconds: 20));
        var declared = await host.DeclareAsync(CheckoutSev1);
        var id = declared["id"]!.GetValue<string>();
        var firstUpdateDue = declared["nextUpdateDue"]!.GetValue<string>();
        await host.PostAsync($"/api/incidents/{id}/acknowledge", new { by = new { id = "oliver", name = "Oliver Hughes" } });

        // The first update is due 20 s after the declare: past the deadlines of all three 5 s levels.
        await host.EventuallyAsync(id, i => string.CompareOrdinal(i["nextUpdateDue"]!.GetValue<string>(), firstUpdateDue) > 0, "the missed update's reminder", TimeSpan.FromSeconds(60));
        var timeline = await host.GetAsync($"/api/incidents/{id}/timeline");

        Assert.Single(timeline["rows"]!.AsArray(), r => r!["kind"]!.GetValue<string>() == "paged");
        Assert.Contains(timeline["rows"]!.AsArray(), r => r!["kind"]!.GetValue<string>() == "reminder");
    }

    [Theory]
    [InlineData("503")]
    [InlineData("timeout")] // HttpClient reports its timeout as a TaskCanceledException, which must not stop the incident
    public async Task A_failing_announcement_never_holds_up_the_next_page_and_is_given_up_on_the_timeline(string failure)
    {
        var failing = new AnnouncementsFail(failure == "timeout"
            ? new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.")
            : new HttpRequestException("503 from the Bot Connector"));
        using var host = new ServerHost(
            azurite.Server,
            services: s => s.AddSingleton<IEffectRunner>(sp =>
            {
                failing.Inner = ActivatorUtilities.CreateInstance<ConsoleEffectRunner>(sp);
                return failing;
            }),
            teamFile: await TeamFiles.FastAsync(ackSeconds: 5));
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();

        // The announcement's retries (5 s, then 10 s of back-off) outlast level 1's 5 s deadline.
        var gaveUp = await Poll.UntilAsync(
            async () => (await host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray() is var rows
                && rows.Any(r => (string)r!["kind"]! == "delivery failed") ? rows : null,
            () => $"the announcement given up; tried {failing.Attempts} time(s)",
            timeout: TimeSpan.FromSeconds(60));
        var texts = gaveUp.Select(r => (string)r!["text"]!).ToList();
        var levelTwo = texts.FindIndex(t => t.StartsWith("Paged at level 2", StringComparison.Ordinal));

        Assert.Equal(ActivityRetry.Effect.MaxAttempts, failing.AttemptsAtFirst); // later announcements (level 2's) have their own attempts
        Assert.True(levelTwo >= 0 && levelTwo < texts.FindIndex(t => t.StartsWith("Gave up", StringComparison.Ordinal)), $"level 2 waited for the announcement: {string.Join(" | ", texts)}");
        Assert.Null((await host.GetAsync($"/api/incidents/{id}"))["announcement"]);
    }

    private static DateTimeOffset Instant(System.Text.Json.Nodes.JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Teams is down for announcements only; everything else works.</summary>
    private sealed class AnnouncementsFail(Exception failure) : IEffectRunner
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, int> _attempts = new();

        public ConsoleEffectRunner Inner { get; set; } = null!;

        public int Attempts => _attempts.Values.Sum();

        /// <summary>The attempts at the first announcement (the declare's), whatever later ones are under way.</summary>
        public int AttemptsAtFirst => _attempts.IsEmpty ? 0 : _attempts[_attempts.Keys.Min()];

        public Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
        {
            if (effect is IncidentEffect.PublishAnnouncement)
            {
                _attempts.AddOrUpdate(effect.EventNumber, 1, (_, n) => n + 1);
                throw failure;
            }

            return Inner.RunAsync(effect, incident, ct);
        }
    }
}
