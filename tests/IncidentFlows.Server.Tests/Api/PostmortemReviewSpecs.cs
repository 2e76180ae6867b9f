using System.Net;
using System.Text.Json.Nodes;
using System.Xml;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>
/// <c>POST /api/incidents/{id}/postmortem-review</c> on the engine: the review is stored, and the incident and the metrics
/// show the time to learn — running until the review, a figure after it.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class PostmortemReviewSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task Marking_the_postmortem_reviewed_stops_the_time_to_learn_on_the_incident_and_in_the_metrics()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");
        await host.PostAsync($"/api/incidents/{id}/resolve");
        var resolved = await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "resolved", "resolved", ApiOnTheEngine.Patience);
        var before = await host.GetAsync("/api/metrics");

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/incidents/{id}/postmortem-review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reviewed = await host.EventuallyAsync(id, i => i["keyTimes"]!["postmortemReviewed"] is not null, "postmortem reviewed", ApiOnTheEngine.Patience);
        var after = await host.GetAsync("/api/metrics");

        Assert.Equal(("running", null), Progress(resolved["timeToLearn"]!));
        Assert.Equal(("noActionItems", null), Progress(resolved["timeToImprove"]!));
        Assert.Equal((1, 1), (before["timeToLearnRunning"]!.GetValue<int>(), before["withoutActionItems"]!.GetValue<int>()));
        Assert.True(before.ContainsKey("meanTimeToLearn") && before["meanTimeToLearn"] is null, before.ToJsonString());

        var measured = At(reviewed["keyTimes"]!["postmortemReviewed"]!) - At(reviewed["keyTimes"]!["resolved"]!);
        Assert.Equal("done", reviewed["timeToLearn"]!["progress"]!.GetValue<string>());
        Assert.InRange(XmlConvert.ToTimeSpan(reviewed["timeToLearn"]!["duration"]!.GetValue<string>()), measured - TimeSpan.FromSeconds(1), measured + TimeSpan.FromSeconds(1));
        Assert.InRange(XmlConvert.ToTimeSpan(after["meanTimeToLearn"]!.GetValue<string>()), measured - TimeSpan.FromSeconds(1), measured);
        Assert.Equal(0, after["timeToLearnRunning"]!.GetValue<int>());
        Assert.Contains("Marked the postmortem reviewed.", await host.TimelineTextsAsync(id));
    }

    [Fact]
    public async Task Reviewing_the_postmortem_of_an_open_incident_is_a_409_that_records_nothing()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/incidents/{id}/postmortem-review");

        await ApiOnTheEngine.AssertProblemAsync(response, HttpStatusCode.Conflict, "incident.not_resolved");
        Assert.Null((await host.GetAsync($"/api/incidents/{id}"))["keyTimes"]!["postmortemReviewed"]);
    }

    [Fact]
    public async Task A_second_review_is_a_200_that_records_nothing()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");
        await host.PostAsync($"/api/incidents/{id}/resolve");
        await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "resolved", "resolved", ApiOnTheEngine.Patience);
        await host.PostAsync($"/api/incidents/{id}/postmortem-review", new { by = new { id = "carol", name = "Carol" } });
        var reviewed = await host.EventuallyAsync(id, i => i["keyTimes"]!["postmortemReviewed"] is not null, "postmortem reviewed", ApiOnTheEngine.Patience);

        var again = await host.PostAsync($"/api/incidents/{id}/postmortem-review");

        Assert.Equal(reviewed["keyTimes"]!["postmortemReviewed"]!.GetValue<string>(), again["keyTimes"]!["postmortemReviewed"]!.GetValue<string>());
        await host.PostAsync($"/api/incidents/{id}/notes", new { text = "marker" }); // commands are taken in order: once it shows, the review has been decided
        await Poll.UntilAsync(async () => (await host.TimelineTextsAsync(id)).Contains("marker") ? "marker" : null, () => "the marker on the timeline", ApiOnTheEngine.Patience);
        Assert.Single(await host.TimelineKindsAsync(id), k => k == "postmortem reviewed");
    }

    private static (string, string?) Progress(JsonNode time) => (time["progress"]!.GetValue<string>(), time["duration"]?.GetValue<string>());

    private static DateTimeOffset At(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
