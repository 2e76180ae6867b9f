using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IncidentFlows.App.Alerts;
using IncidentFlows.App.Security;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentFlows.Server.Tests.Alerts;

[Collection(SharedAzurite.Name)]
public sealed class AlertIntakeSpecs(AzuriteFixture azurite)
{
    private const string AzureSecret = "azure-monitor-secret-for-the-specs";

    [Fact]
    public async Task A_firing_alertmanager_alert_opens_an_incident_on_its_service_with_labels_and_links_on_the_timeline()
    {
        using var host = Host();

        var answer = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager());

        var outcome = answer["alerts"]![0]!;
        Assert.Equal("opened", outcome["result"]!.GetValue<string>());
        var incident = await host.GetAsync($"/api/incidents/{outcome["incidentId"]}");
        Assert.Equal("checkout", incident["service"]!.GetValue<string>());
        Assert.Equal("SEV1", incident["severity"]!.GetValue<string>().ToUpperInvariant());
        var text = await TimelineTextAsync(host, outcome["incidentId"]!.GetValue<string>());
        Assert.Contains("Alert joined (alertmanager): CheckoutErrorRate: 5xx rate above 5% for 5 minutes", text, StringComparison.Ordinal);
        Assert.Contains("instance=checkout-7f9c:8080", text, StringComparison.Ordinal);
        Assert.Contains("https://runbooks.example/checkout-errors", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_firing_is_recognised_by_fingerprint_and_never_opens_a_second_incident()
    {
        var grouping = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = Host(grouping);

        var first = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager());
        grouping.Advance(TimeSpan.FromMinutes(30)); // past the grouping window: only the identity can tell
        var again = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager());

        Assert.Equal("repeat", again["alerts"]![0]!["result"]!.GetValue<string>());
        Assert.Equal(first["alerts"]![0]!["incidentId"]!.GetValue<string>(), again["alerts"]![0]!["incidentId"]!.GetValue<string>());
        Assert.Single((await host.GetAsync("/api/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Alerts_of_one_service_within_the_window_join_one_incident_and_later_ones_open_another()
    {
        var grouping = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = Host(grouping);

        var grafana = await SendAsync(host, "grafana", AlertSamples.GrafanaTwoAlerts);
        var other = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager(fingerprint: "ffff000011112222"));
        grouping.Advance(TimeSpan.FromMinutes(6));
        var later = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager(fingerprint: "9999000011112222", startsAt: "2026-11-23T10:05:00Z"));

        var ids = grafana["alerts"]!.AsArray().Concat(other["alerts"]!.AsArray()).Select(a => a!["incidentId"]!.GetValue<string>()).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(["opened", "joined"], grafana["alerts"]!.AsArray().Select(a => a!["result"]!.GetValue<string>()));
        Assert.NotEqual(ids[0], later["alerts"]![0]!["incidentId"]!.GetValue<string>());
        var text = await TimelineTextAsync(host, ids[0]);
        Assert.Contains("https://grafana.example/d/checkout?viewPanel=2", text, StringComparison.Ordinal);
        Assert.Contains("pod=b", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolved_alert_lands_on_its_incident_and_a_resolution_we_never_saw_fire_is_said_so()
    {
        using var host = Host();

        var fired = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager());
        var resolved = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager(status: "resolved"));
        var stranger = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager(status: "resolved", fingerprint: "0000000000000000"));

        var id = fired["alerts"]![0]!["incidentId"]!.GetValue<string>();
        Assert.Equal("resolved", resolved["alerts"]![0]!["result"]!.GetValue<string>());
        Assert.Contains("Alert resolved: CheckoutErrorRate", await TimelineTextAsync(host, id), StringComparison.Ordinal);
        Assert.Equal("unmatched", stranger["alerts"]![0]!["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unroutable_alert_still_opens_an_incident_on_the_default_policy_and_says_so()
    {
        using var host = Host();

        var answer = await SendAsync(host, "alertmanager", AlertSamples.Alertmanager(service: null, truncated: 3));

        Assert.Equal(3, answer["truncatedAlerts"]!.GetValue<int>());
        Assert.Contains("matched no service", answer["alerts"]![0]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var incident = await host.GetAsync($"/api/incidents/{answer["alerts"]![0]!["incidentId"]}");
        Assert.Equal("standard", incident["escalation"]!["policy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Azure_monitor_needs_a_known_secret_in_the_url_and_maps_sev2_onto_sev2()
    {
        using var host = Host();

        using var unknown = await host.Api.PostAsync("/api/alerts/azure-monitor?secret=guess", Json(AlertSamples.AzureMonitor()));
        var fired = await SendAsync(host, $"azure-monitor?secret={AzureSecret}", AlertSamples.AzureMonitor(), apiKey: false);
        var resolved = await SendAsync(host, $"azure-monitor?secret={AzureSecret}", AlertSamples.AzureMonitor("Resolved"), apiKey: false);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var incident = await host.GetAsync($"/api/incidents/{fired["alerts"]![0]!["incidentId"]}");
        Assert.Equal("SEV2", incident["severity"]!.GetValue<string>().ToUpperInvariant());
        Assert.Equal("resolved", resolved["alerts"]![0]!["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_generic_shape_opens_an_incident_and_names_a_missing_dedup_key()
    {
        using var host = Host();

        var answer = await SendAsync(host, "generic", """{ "title": "Nightly export failed", "severity": "sev3", "service": "exports", "dedupKey": "export-2026-11-23", "links": ["https://ci.example/runs/42"], "details": { "exitCode": 3 } }""");
        var problem = await ProblemAsync(host, "generic", """{ "title": "No key" }""");

        Assert.Equal("opened", answer["alerts"]![0]!["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.True(problem.Body["errors"]!.AsObject().ContainsKey("dedupKey"));
    }

    [Fact]
    public async Task Malformed_oversized_or_unauthenticated_deliveries_are_refused_and_nothing_is_stored()
    {
        using var host = Host();

        var notJson = await ProblemAsync(host, "alertmanager", "{ \"alerts\": [ ");
        var noAlerts = await ProblemAsync(host, "alertmanager", """{ "version": "4", "status": "firing" }""");
        var badStatus = await ProblemAsync(host, "alertmanager", AlertSamples.Alertmanager(status: "exploded"));
        var notAzure = await ProblemAsync(host, "azure-monitor?secret=" + AzureSecret, """{ "schemaId": "Microsoft.Insights/activityLogs" }""");
        var huge = await ProblemAsync(host, "generic", "{\"title\":\"" + new string('x', 1024 * 1024) + "\"}");
        using var noKey = await host.CreateClient().PostAsync("/api/alerts/alertmanager", Json(AlertSamples.Alertmanager()));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.True(noAlerts.Body["errors"]!.AsObject().ContainsKey("alerts"));
        Assert.True(badStatus.Body["errors"]!.AsObject().ContainsKey("alerts[0].status"));
        Assert.True(notAzure.Body["errors"]!.AsObject().ContainsKey("schemaId"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Empty((await host.GetAsync("/api/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_drill_says_which_service_policy_and_people_it_would_reach_and_pages_nobody()
    {
        using var host = Host();

        using var response = await host.Api.PostAsync("/api/alerts/alertmanager?test=true", Json(AlertSamples.Alertmanager()));
        var drill = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = drill["alerts"]![0]!;
        Assert.Equal("checkout", alert["service"]!.GetValue<string>());
        Assert.Equal("critical", alert["policy"]!.GetValue<string>());
        Assert.NotEmpty(alert["people"]!.AsArray());
        Assert.Empty((await host.GetAsync("/api/incidents"))["items"]!.AsArray());
    }

    /// <summary>
    /// The server on the engine's real clock; the alert intake's grouping windows on <paramref name="grouping"/>
    /// when given, so a spec can step past a five-minute window without waiting for it.
    /// </summary>
    private ServerHost Host(FakeTimeProvider? grouping = null) => new(
        azurite.Server,
        new Dictionary<string, string?>
        {
            ["IncidentFlows:Alerts:Secrets:0:Name"] = "action-group",
            ["IncidentFlows:Alerts:Secrets:0:Sha256"] = ApiKeys.Hash(AzureSecret),
        },
        grouping is null ? null : s => s.AddSingleton(sp => ActivatorUtilities.CreateInstance<AlertIntake>(sp, (TimeProvider)grouping)));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> SendAsync(ServerHost host, string source, string body, bool apiKey = true)
    {
        using var client = apiKey ? null : host.CreateClient();
        using var response = await (client ?? host.Api).PostAsync($"/api/alerts/{source}", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ProblemAsync(ServerHost host, string source, string body)
    {
        using var response = await host.Api.PostAsync($"/api/alerts/{source}", Json(body));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static async Task<string> TimelineTextAsync(ServerHost host, string id) =>
        string.Join("\n", (await host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()));
}
