using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentFlows.Server.Tests.Api;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

/// <summary>What a client that retries, or asks for something that is not there, gets back, on the engine (a retried close: Api/CommandRetrySpecs).</summary>
[Collection(SharedAzurite.Name)]
public sealed class RetrySpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_retried_acknowledge_after_close_is_a_200_that_changes_nothing()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("db down");
        await host.PostAsync($"/api/incidents/{id}/acknowledge");
        await host.EventuallyAsync(id, i => i["acknowledgedBy"] is not null, "acknowledged", ApiOnTheEngine.Patience);
        await host.PostAsync($"/api/incidents/{id}/resolve");
        await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "resolved", "resolved", ApiOnTheEngine.Patience);
        await host.PostAsync($"/api/incidents/{id}/close");
        var closed = await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "closed", "closed", ApiOnTheEngine.Patience);

        var again = await host.PostAsync($"/api/incidents/{id}/acknowledge");

        Assert.Equal(closed["version"]!.GetValue<int>(), again["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Once_acknowledged_the_incident_view_has_no_ack_deadline()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = (await host.DeclareAsync(new { title = "checkout down", severity = "sev1" }))["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["escalation"]?["ackDeadline"] is not null, "paging to start", ApiOnTheEngine.Patience);

        var acknowledged = await host.PostAsync($"/api/incidents/{id}/acknowledge");

        Assert.Null(acknowledged["escalation"]?["ackDeadline"]);
    }

    [Fact]
    public async Task Updating_an_action_item_that_does_not_exist_is_a_404()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("db down");

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
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("db down");
        await host.PostAsync($"/api/incidents/{id}/acknowledge");
        await host.EventuallyAsync(id, i => i["acknowledgedBy"] is not null, "acknowledged", ApiOnTheEngine.Patience);

        var metrics = await host.GetAsync("/api/metrics");

        Assert.Matches("^PT[0-9]+S$", metrics["meanTimeToAcknowledge"]!.GetValue<string>()); // whole seconds: declared and acknowledged on the machine's clock
        Assert.True(metrics.ContainsKey("meanTimeBetweenFailures"), metrics.ToJsonString());
        Assert.Null(metrics["meanTimeBetweenFailures"]);
    }
}
