using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

/// <summary>What a client that retries, or asks for something that is not there, gets back.</summary>
[Collection(SharedAzurite.Name)]
public sealed class RetrySpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_retried_close_of_a_closed_incident_is_a_200_that_changes_nothing()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(new { title = "db down", severity = "sev3" }))["id"]!.GetValue<string>();
        await host.PostAsync($"/api/incidents/{id}/resolve");
        var closed = await host.PostAsync($"/api/incidents/{id}/close");

        var again = await host.PostAsync($"/api/incidents/{id}/close");

        Assert.Equal("closed", again["status"]!.GetValue<string>());
        Assert.Equal(closed["version"]!.GetValue<int>(), again["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_retried_acknowledge_after_close_is_a_200_that_changes_nothing()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(new { title = "db down", severity = "sev3" }))["id"]!.GetValue<string>();
        await host.PostAsync($"/api/incidents/{id}/acknowledge");
        await host.PostAsync($"/api/incidents/{id}/resolve");
        var closed = await host.PostAsync($"/api/incidents/{id}/close");

        var again = await host.PostAsync($"/api/incidents/{id}/acknowledge");

        Assert.Equal(closed["version"]!.GetValue<int>(), again["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Once_acknowledged_the_incident_view_has_no_ack_deadline()
    {
        using var host = new ServerHost(azurite.Server);
        var declared = await host.DeclareAsync(new { title = "checkout down", severity = "sev1" });
        var id = declared["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["escalation"]?["ackDeadline"] is not null, "paging to start");

        var acknowledged = await host.PostAsync($"/api/incidents/{id}/acknowledge");

        Assert.Null(acknowledged["escalation"]?["ackDeadline"]);
    }

    [Fact]
    public async Task Updating_an_action_item_that_does_not_exist_is_a_404()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(new { title = "db down", severity = "sev3" }))["id"]!.GetValue<string>();

        using var response = await host.Api.PostAsync($"/api/incidents/{id}/actions/7", JsonContent.Create(new
        {
            title = "add an alert", importance = "high", urgency = "high", size = "days",
        }));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"expected 404, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("action_item.not_found", JsonNode.Parse(text)!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metrics_give_durations_in_iso_8601_and_write_what_was_not_measured_as_null()
    {
        using var host = new ServerHost(azurite.Server);
        var declared = await host.DeclareAsync(new { title = "db down", severity = "sev3" });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var acknowledged = await host.PostAsync($"/api/incidents/{declared["id"]}/acknowledge");

        var metrics = await host.GetAsync("/api/metrics");

        var mtta = System.Xml.XmlConvert.ToTimeSpan(metrics["meanTimeToAcknowledge"]!.GetValue<string>());
        var measured = At(acknowledged["keyTimes"]!["acknowledged"]!) - At(declared["keyTimes"]!["reported"]!);
        Assert.InRange(mtta, measured - TimeSpan.FromSeconds(1), measured); // to the whole second
        Assert.Matches(@"^PT\d+(\.\d+)?S$", metrics["meanTimeToAcknowledge"]!.GetValue<string>());
        Assert.True(metrics.ContainsKey("meanTimeBetweenFailures"), metrics.ToJsonString());
        Assert.Null(metrics["meanTimeBetweenFailures"]);
    }

    private static DateTimeOffset At(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
