using System.Text.Json.Nodes;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>Pages through the fake Bot Connector, which answers as Teams does for a person without the app.</summary>
[Collection(SharedAzurite.Name)]
public sealed class PageDeliverySpecs(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly object CheckoutSev1 = new { title = "Checkout failing", severity = "SEV1", service = "checkout" };

    /// <summary>The sample team's people (samples/teams/follow-the-sun.json): the follow-the-sun rota, then the incident commanders.</summary>
    private static readonly string[] FollowTheSun = ["aiko", "kenji", "oliver", "priya", "maya", "diego"];
    private static readonly string[] Commanders = ["sam", "jordan"];

    private TeamsServer _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsServer.StartAsync(azurite.Server);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private static string EntraIdOf(string person) =>
        $"5b0c1d6e-1a2b-4c3d-8e4f-{Array.IndexOf([.. FollowTheSun, .. Commanders], person) + 1:D12}";

    /// <summary>The bot is added to the team and sees its members, as Teams tells it; it has no 1:1 chat with anyone yet.</summary>
    private async Task TeamMembersJoinAsync()
    {
        await _teams.SendAsync(_teams.Recorded("installation-update"));
        await _teams.SendAsync(_teams.Recorded("installation-update", a =>
        {
            a["type"] = "conversationUpdate";
            a.Remove("action");
            a["membersAdded"] = new JsonArray([.. FollowTheSun.Concat(Commanders).Select(p => (JsonNode)new JsonObject
            {
                ["id"] = $"29:{p}",
                ["aadObjectId"] = EntraIdOf(p),
                ["name"] = p,
            })]);
        }));
    }

    [Fact]
    public async Task A_person_without_the_app_is_undeliverable_on_the_timeline_and_the_next_level_is_paged_at_once()
    {
        foreach (var person in FollowTheSun)
        {
            _teams.Connector.WithoutApp.Add(EntraIdOf(person)); // whoever level 1 pages has not installed the app
        }

        await TeamMembersJoinAsync();
        var declared = await _teams.Host.DeclareAsync(CheckoutSev1);
        var id = declared["id"]!.GetValue<string>();

        // Level 2 comes from the undeliverable report, not from the 5-minute ack timeout.
        var escalated = await _teams.Host.EventuallyAsync(id, i => i["escalation"]!["level"]!.GetValue<int>() == 2, "level 2 paged at once");
        var timeline = (await _teams.Host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray();

        var reported = DateTimeOffset.Parse(declared["keyTimes"]!["reported"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTimeOffset.Parse(escalated["escalation"]!["ackDeadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(deadline - reported, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(11)); // level 2's 10 minutes, from the moment level 1 failed
        var undeliverable = Assert.Single(timeline, r => (string)r!["kind"]! == "page undeliverable");
        Assert.Contains("the app is not installed for them", (string)undeliverable!["text"]!, StringComparison.Ordinal);
        Assert.Contains("BotNotInConversationRoster", (string)undeliverable["text"]!, StringComparison.Ordinal);
        Assert.Contains(timeline, r => (string)r!["kind"]! == "escalation" && ((string)r["text"]!).Contains("could be reached", StringComparison.Ordinal));
        var refused = Assert.Single(_teams.Connector.Requests, r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && FollowTheSun.Any(p => r.Body.Contains(EntraIdOf(p), StringComparison.Ordinal)));
        Assert.NotNull(refused);

        // The commander has the app: their page is delivered, and says so on the timeline.
        await _teams.ConnectorEventuallyAsync(
            r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal) && r.Body.Contains("You are paged for", StringComparison.Ordinal),
            "the level-2 page sent to the incident commander");
        var delivered = await Poll.UntilAsync(
            async () => (await _teams.Host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray().FirstOrDefault(r => (string)r!["kind"]! == "page delivered"),
            () => "the level-2 page recorded as delivered");
        Assert.Contains("(level 2, round 1)", (string)delivered!["text"]!, StringComparison.Ordinal);
    }
}
