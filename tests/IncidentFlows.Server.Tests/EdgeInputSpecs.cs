using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IncidentFlows.Server.Tests.Api;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

/// <summary>Input that once answered 500: each is a problem+json 4xx naming the field, and nothing is stored; on the engine.</summary>
[Collection(SharedAzurite.Name)]
public sealed class EdgeInputSpecs(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("x")]
    [InlineData("")]
    public async Task An_action_item_due_date_that_is_not_a_real_date_is_a_400_on_due_and_changes_nothing(string due)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("db down");
        using var response = await host.Api.PostAsync($"/api/incidents/{id}/actions", JsonContent.Create(new
        {
            title = "add an alert", importance = "high", urgency = "high", size = "days", due,
        }));

        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(body["errors"]!["due"]);
        Assert.Empty((await host.GetAsync($"/api/incidents/{id}"))["actionItems"]!.AsArray());
    }

    [Theory]
    [InlineData("x")]
    [InlineData("not base64 at all!")]
    [InlineData("dGVhbS1vZi1zb21lb25lLWVsc2UKMDAwMQ")]
    [InlineData("v1.AAAA")]
    public async Task A_continuation_token_we_did_not_issue_is_a_400_on_the_token(string token)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        using var response = await host.Api.GetAsync(new Uri($"/api/incidents?continuationToken={Uri.EscapeDataString(token)}", UriKind.Relative));

        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(body["errors"]!["continuationToken"]);
    }

    [Fact]
    public async Task A_continuation_token_we_issued_pages_on()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        await host.DeclareStoredAsync("first", "sev4");
        await host.DeclareStoredAsync("second", "sev4");

        var first = await host.GetAsync("/api/incidents?pageSize=1");
        var token = first["continuationToken"]!.GetValue<string>();
        var second = await host.GetAsync($"/api/incidents?pageSize=1&continuationToken={Uri.EscapeDataString(token)}");

        Assert.Equal("second", first["items"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("first", second["items"]![0]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/oncall?at=9999-12-31T23:59:59Z", "at")]
    [InlineData("/api/oncall?at=9000-01-01T00:00:00Z", "at")]
    [InlineData("/api/oncall?at=0001-01-01T00:00:00Z", "at")]
    [InlineData("/api/oncall/schedules/follow-the-sun/coverage?from=0001-01-01T00:00:00Z", "from")]
    [InlineData("/api/oncall/schedules/follow-the-sun/coverage?from=9999-12-31T23:59:59Z", "from")]
    [InlineData("/api/oncall/schedules/follow-the-sun/coverage?from=2026-11-23T00:00:00Z&to=9999-12-31T23:59:59Z", "to")]
    [InlineData("/api/metrics?from=0001-01-01T00:00:00Z", "from")]
    [InlineData("/api/metrics?from=2026-01-01T00:00:00Z&to=9999-12-31T23:59:59Z", "to")]
    [InlineData("/api/metrics?to=0001-01-01T00:00:00Z", "to")]
    public async Task Instants_at_the_edges_of_time_are_a_400_saying_the_bounds(string path, string field)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        using var response = await host.Api.GetAsync(new Uri(path, UriKind.Relative));

        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var message = body["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains("between", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "team": { "id": "platform", "name": "Plat\ud83dform", "defaultPolicy": "standard" } }""")]
    [InlineData("""{ "\ud83d": 1 }""")]
    [InlineData("""{ "team": { "id": "\udc00" } }""")]
    public async Task A_configuration_with_a_lone_surrogate_escape_is_a_400_and_the_configuration_is_unchanged(string json)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var before = await host.GetAsync("/api/oncall");

        using var response = await host.Api.PutAsync(new Uri("/api/oncall/configuration", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("surrogate", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before["policy"]!.GetValue<string>(), (await host.GetAsync("/api/oncall"))["policy"]!.GetValue<string>());
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }
}
