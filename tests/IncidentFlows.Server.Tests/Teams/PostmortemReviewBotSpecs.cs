using System.Net;
using System.Text.Json.Nodes;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>
/// Marking the postmortem reviewed from Teams, on the running server: the war-room post that shares the postmortem carries
/// the button, pressing it records the review as the person who pressed it, and "INC-1 reviewed" does the same by text.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class PostmortemReviewBotSpecs(AzuriteFixture azurite) : IAsyncLifetime
{
    private TeamsServer _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsServer.StartAsync(azurite.Server);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task The_button_on_the_shared_postmortem_marks_it_reviewed_as_the_person_who_pressed_it()
    {
        await ResolvedIncidentAsync();
        await _teams.ConnectorEventuallyAsync(r => r.Body.Contains("\"verb\":\"reviewPostmortem\"", StringComparison.Ordinal), "the postmortem shared in the war room with its button");

        using var response = await _teams.SendAsync(_teams.Recorded("execute-invoke", a => a["value"]!["action"] = new JsonObject
        {
            ["type"] = "Action.Execute", ["title"] = "Mark postmortem reviewed", ["verb"] = "reviewPostmortem", ["data"] = new JsonObject { ["incident"] = "INC-1" },
        }));

        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.ToJsonString();
        Assert.Contains("Postmortem reviewed", card, StringComparison.Ordinal);
        Assert.DoesNotContain("reviewPostmortem", card, StringComparison.Ordinal); // nothing left to press
        var incident = await _teams.Host.GetAsync("/api/incidents/INC-1");
        Assert.NotNull(incident["keyTimes"]!["postmortemReviewed"]);
        Assert.Equal("done", (string?)incident["timeToLearn"]!["progress"]);
        var row = (await _teams.Host.GetAsync("/api/incidents/INC-1/timeline"))["rows"]!.AsArray().Single(r => (string?)r!["kind"] == "postmortem reviewed")!;
        Assert.Equal("Alex Wilber", (string?)row["who"]);
    }

    [Fact]
    public async Task Reviewed_typed_to_the_bot_marks_it_reviewed_and_a_typo_of_it_only_asks()
    {
        await ResolvedIncidentAsync();

        var typo = _teams.Recorded("personal-message", a => a["text"] = "inc-1 reviewd");
        await _teams.SendAsync(typo);
        Assert.Null((await _teams.Host.GetAsync("/api/incidents/INC-1"))["keyTimes"]!["postmortemReviewed"]);
        Assert.Contains("Did you mean reviewed INC-1?", Reply(typo).Body, StringComparison.Ordinal);

        var typed = _teams.Recorded("personal-message", a => a["text"] = "inc-1 reviewed");
        using var response = await _teams.SendAsync(typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("INC-1: the postmortem is reviewed, ", (string?)JsonNode.Parse(Reply(typed).Body)!["text"], StringComparison.Ordinal);
        Assert.NotNull((await _teams.Host.GetAsync("/api/incidents/INC-1"))["keyTimes"]!["postmortemReviewed"]);
    }

    /// <summary>INC-1, a SEV2 (it has a war room) declared in a personal chat, resolved through the API.</summary>
    private async Task ResolvedIncidentAsync()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message"));
        await _teams.Host.PostAsync("/api/incidents/INC-1/resolve");
        await _teams.Host.EventuallyAsync("INC-1", i => (string?)i["status"] == "resolved", "INC-1 resolved");
    }

    private RecordedRequest Reply(JsonObject to) =>
        Assert.Single(_teams.Connector.Requests, r => r.Path.EndsWith($"/activities/{to["id"]}", StringComparison.Ordinal));
}
