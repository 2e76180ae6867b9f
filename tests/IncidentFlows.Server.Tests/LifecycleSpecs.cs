using System.Text.Json.Nodes;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

[Collection(SharedAzurite.Name)]
public sealed class LifecycleSpecs(AzuriteFixture azurite)
{
    private static readonly object CheckoutSev1 = new { title = "Checkout failing", severity = "sev1", service = "checkout", reporter = new { id = "sam", name = "Sam Okafor" } };

    [Fact]
    public async Task An_incident_goes_from_declared_to_closed_and_its_timeline_tells_the_story()
    {
        using var host = new ServerHost(azurite.Server);

        var declared = await host.DeclareAsync(CheckoutSev1);
        var id = declared["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, i => i["warRoom"] is not null && i["announcement"] is not null, "the war room and the announcement");
        await host.PostAsync($"/api/incidents/{id}/acknowledge", new { by = new { id = "oliver", name = "Oliver Hughes" } });
        await host.PostAsync($"/api/incidents/{id}/updates", new { text = "Rolling back release 4.2", by = new { id = "oliver", name = "Oliver Hughes" } });
        await host.PostAsync($"/api/incidents/{id}/resolve", new { summary = "rolled back", by = new { id = "oliver", name = "Oliver Hughes" } });
        var closed = await host.PostAsync($"/api/incidents/{id}/close", new { by = new { id = "oliver", name = "Oliver Hughes" } });
        var timeline = await host.GetAsync($"/api/incidents/{id}/timeline?tz=Asia/Tokyo");

        var reported = Reported(declared);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal($"inc-{reported.UtcDateTime:yyyy-MM-dd}-checkout-failing", closed["warRoom"]!["name"]!.GetValue<string>());
        Assert.Equal("Asia/Tokyo", timeline["zone"]!.GetValue<string>());
        var kinds = timeline["rows"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["declared", "escalation", "paged", "acknowledged", "update", "status", "status"],
            kinds.Where(k => k is not ("war room" or "announcement")));
        Assert.Single(kinds, "war room");
        Assert.Single(kinds, "announcement");
        Assert.Equal($"{reported.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm:ss}", timeline["rows"]![0]!["local"]!.GetValue<string>()[..19]);
    }

    [Fact]
    public async Task The_sev1_pages_whoever_follow_the_sun_has_on_call_now()
    {
        using var host = new ServerHost(azurite.Server);

        var incident = await host.DeclareAsync(CheckoutSev1);

        var at = Uri.EscapeDataString(incident["keyTimes"]!["reported"]!.GetValue<string>());
        var onCall = (await host.GetAsync($"/api/oncall?policy=critical&at={at}"))["levels"]![0]!["responders"]!.AsArray().Single()!;
        Assert.Equal("critical", incident["escalation"]!["policy"]!.GetValue<string>());
        var timeline = await host.GetAsync($"/api/incidents/{incident["id"]}/timeline");
        var paged = timeline["rows"]!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "paged")!;
        Assert.Contains($"{onCall["name"]} ({onCall["via"]})", paged["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrying_a_declare_with_the_same_idempotency_key_returns_the_first_incident()
    {
        using var host = new ServerHost(azurite.Server);

        var first = await host.DeclareAsync(CheckoutSev1, idempotencyKey: "alert-7731");
        var again = await host.DeclareAsync(CheckoutSev1, idempotencyKey: "alert-7731");
        var byDedupKey = await host.DeclareAsync(new { title = "Checkout failing", severity = "sev1", dedupKey = "alert-7731" });
        var list = await host.GetAsync("/api/incidents");

        Assert.Equal(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Equal(first["id"]!.GetValue<string>(), byDedupKey["id"]!.GetValue<string>());
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task The_postmortem_is_ready_as_markdown_and_html_with_offsets_from_the_report()
    {
        using var host = new ServerHost(azurite.Server);
        var declared = await host.DeclareAsync(CheckoutSev1);
        var id = declared["id"]!.GetValue<string>();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var acknowledged = await host.PostAsync($"/api/incidents/{id}/acknowledge", new { by = new { id = "oliver", name = "Oliver Hughes" } });

        var markdown = await host.Api.GetStringAsync($"/api/incidents/{id}/postmortem?tz=UTC");
        var html = await host.Api.GetStringAsync($"/api/incidents/{id}/postmortem?format=html");

        var at = DateTimeOffset.Parse(acknowledged["keyTimes"]!["acknowledged"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var offset = (int)(at - Reported(declared)).TotalSeconds;
        Assert.InRange(offset, 2, 59);
        Assert.Contains($"Acknowledged: {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (+{offset}s)", markdown, StringComparison.Ordinal);
        Assert.Contains("Contoso Retail", markdown, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_items_get_a_priority_from_the_matrix()
    {
        using var host = new ServerHost(azurite.Server);
        var id = (await host.DeclareAsync(CheckoutSev1))["id"]!.GetValue<string>();

        var incident = await host.PostAsync($"/api/incidents/{id}/actions", new { title = "Alert on checkout 5xx rate", importance = "high", urgency = "high", size = "hours" });

        var item = incident["actionItems"]!.AsArray().Single()!;
        Assert.Equal(1, item["number"]!.GetValue<int>());
        Assert.Equal("p1", item["priority"]!.GetValue<string>().ToLowerInvariant());
    }

    [Fact]
    public async Task Who_is_on_call_is_answered_per_level_of_a_policy()
    {
        using var host = new ServerHost(azurite.Server);

        var oncall = await host.GetAsync("/api/oncall?policy=critical&at=2026-11-23T02:00:00Z");

        var first = oncall["levels"]![0]!["responders"]!.AsArray().Single()!;
        Assert.Contains("layer Tokyo", first["via"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, oncall["levels"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_tutorial_needs_no_title_or_severity_and_pages_nobody()
    {
        using var host = new ServerHost(azurite.Server);

        var tutorial = await host.DeclareAsync(new { kind = "tutorial" });

        Assert.Equal(("tutorial", "SEV4"), (tutorial["kind"]!.GetValue<string>(), tutorial["severity"]!.GetValue<string>()));
        Assert.Contains("office cat", tutorial["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(tutorial["escalation"]);
    }

    private static DateTimeOffset Reported(JsonObject incident) =>
        DateTimeOffset.Parse(incident["keyTimes"]!["reported"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
