using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Alerts;

[Collection(SharedAzurite.Name)]
public sealed class AlertLifecycleSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_alert_opens_an_incident_that_pages_and_moves_to_monitoring_when_every_alert_has_resolved()
    {
        using var host = new ServerHost(azurite.Server);

        var fired = await SendAsync(host, AlertSamples.Alertmanager(fingerprint: "aaaa000000000001"));
        await SendAsync(host, AlertSamples.Alertmanager(fingerprint: "aaaa000000000002"));
        var id = fired["alerts"]![0]!["incidentId"]!.GetValue<string>();
        await SendAsync(host, AlertSamples.Alertmanager(status: "resolved", fingerprint: "aaaa000000000001"));
        var halfway = await host.GetAsync($"/api/incidents/{id}");
        var last = await SendAsync(host, AlertSamples.Alertmanager(status: "resolved", fingerprint: "aaaa000000000002"));
        var redelivered = await SendAsync(host, AlertSamples.Alertmanager(status: "resolved", fingerprint: "aaaa000000000002"));
        var incident = await host.GetAsync($"/api/incidents/{id}");
        var kinds = (await host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()).ToList();

        Assert.Equal("triage", halfway["status"]!.GetValue<string>());
        Assert.Contains("moved to monitoring", last["alerts"]![0]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("monitoring", incident["status"]!.GetValue<string>());
        Assert.Null(redelivered["alerts"]![0]!["note"]);
        Assert.Contains("paged", kinds);
        Assert.Single(kinds, "status");
    }

    [Fact]
    public async Task An_alert_resolving_never_touches_an_incident_a_person_has_resolved()
    {
        using var host = new ServerHost(azurite.Server);

        var fired = await SendAsync(host, AlertSamples.Alertmanager());
        var id = fired["alerts"]![0]!["incidentId"]!.GetValue<string>();
        await host.PostAsync($"/api/incidents/{id}/resolve", new { summary = "rolled back", by = new { id = "oliver", name = "Oliver Hughes" } });
        await SendAsync(host, AlertSamples.Alertmanager(status: "resolved"));

        Assert.Equal("resolved", (await host.GetAsync($"/api/incidents/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_burst_of_concurrent_alerts_for_one_service_makes_one_incident_with_every_alert_on_it()
    {
        using var host = new ServerHost(azurite.Server);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => SendAsync(host, AlertSamples.Alertmanager(fingerprint: $"burst{i:D4}"))));

        var ids = answers.Select(a => a["alerts"]![0]!["incidentId"]!.GetValue<string>()).Distinct().ToList();
        Assert.Single(ids);
        Assert.Single((await host.GetAsync("/api/incidents"))["items"]!.AsArray());
        // Accepted (202): forty notes raced to one orchestration; each lands, in the order the engine took them.
        var joined = 0;
        await Poll.UntilAsync(
            async () => (joined = (await host.GetAsync($"/api/incidents/{ids[0]}/timeline"))["rows"]!.AsArray()
                .Count(r => r!["text"]!.GetValue<string>().StartsWith("Alert joined", StringComparison.Ordinal))) >= 40 ? "all" : null,
            () => $"every alert on the incident; {joined} so far");
        Assert.Equal(40, joined);
    }

    private static async Task<JsonObject> SendAsync(ServerHost host, string body)
    {
        using var response = await host.Api.PostAsync("/api/alerts/alertmanager", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
