using System.Net;
using System.Net.Http.Json;
using System.Text;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>An Idempotency-Key names one request: resent, it gets the first answer; reused for another body, a 422.</summary>
[Collection(SharedAzurite.Name)]
public sealed class IdempotencyKeySpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task Reusing_a_declare_key_with_a_different_body_is_a_422_that_says_so_and_declares_nothing()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var first = await host.DeclareAsync(new { title = "checkout down", severity = "sev2" }, idempotencyKey: "deploy-42");
        await host.EventuallyAsync(first["id"]!.GetValue<string>(), _ => true, "the first incident stored", ApiOnTheEngine.Patience);

        using var reused = await host.SendAsync(HttpMethod.Post, "/api/incidents", JsonContent.Create(new { title = "search down", severity = "sev1" }), "deploy-42");

        var problem = await ApiOnTheEngine.AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.Contains("different request body", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var items = (await host.GetAsync("/api/incidents"))["items"]!.AsArray();
        Assert.Equal("checkout down", Assert.Single(items)!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resending_a_declare_with_its_key_and_the_same_body_gets_the_first_incident_back()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var first = await host.DeclareAsync(new { title = "checkout down", severity = "sev2" }, idempotencyKey: "deploy-43");
        var id = first["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, _ => true, "the first incident stored", ApiOnTheEngine.Patience);

        // The same body, spaced and ordered differently, is the same request.
        using var again = await host.SendAsync(HttpMethod.Post, "/api/incidents", new StringContent("""{ "severity": "sev2",  "title": "checkout down" }""", Encoding.UTF8, "application/json"), "deploy-43");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>());
        Assert.Single((await host.GetAsync("/api/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Reusing_an_update_key_with_other_text_is_a_422_and_the_timeline_keeps_the_first_update()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");
        using var first = await host.SendAsync(HttpMethod.Post, $"/api/incidents/{id}/updates", JsonContent.Create(new { text = "rolling back 4.2" }), "update-1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Poll.UntilAsync(async () => (await host.TimelineTextsAsync(id)).Any(t => t.Contains("rolling back 4.2", StringComparison.Ordinal)) ? "posted" : null, () => "the first update on the timeline", ApiOnTheEngine.Patience);

        using var reused = await host.SendAsync(HttpMethod.Post, $"/api/incidents/{id}/updates", JsonContent.Create(new { text = "all fixed" }), "update-1");
        using var resent = await host.SendAsync(HttpMethod.Post, $"/api/incidents/{id}/updates", JsonContent.Create(new { text = "rolling back 4.2" }), "update-1");

        await ApiOnTheEngine.AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var texts = await host.TimelineTextsAsync(id);
        Assert.DoesNotContain(texts, t => t.Contains("all fixed", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("rolling back 4.2", StringComparison.Ordinal));
    }
}
