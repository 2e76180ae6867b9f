using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IncidentFlows.Server.Tests.Api;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

[Collection(SharedAzurite.Name)]
public sealed class BadInputSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_stored()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        var problem = await SendAsync(host.Api, HttpMethod.Post, "/api/incidents", new StringContent("{\"title\": \"db down\", ", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(problem, HttpStatusCode.BadRequest, "input.invalid");
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task An_unknown_severity_is_a_400_naming_the_field()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        var response = await SendAsync(host.Api, HttpMethod.Post, "/api/incidents", JsonContent.Create(new { title = "db down", severity = "critical" }));

        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "input.invalid");
        Assert.Contains("not a severity", body["errors"]!["severity"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task A_one_megabyte_title_is_refused_as_too_large_and_nothing_is_stored()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        var response = await SendAsync(host.Api, HttpMethod.Post, "/api/incidents", JsonContent.Create(new { title = new string('x', 1024 * 1024), severity = "sev2" }));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "input.too_large");
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task A_title_over_the_limit_but_under_the_body_limit_is_a_400_on_the_title()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        var response = await SendAsync(host.Api, HttpMethod.Post, "/api/incidents", JsonContent.Create(new { title = new string('x', 5000), severity = "sev2" }));

        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "input.invalid");
        Assert.NotNull(body["errors"]!["title"]);
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ApiKey ifk_not-a-key-we-know")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.e30.")]
    public async Task Without_a_valid_credential_the_api_answers_401(string? authorization)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        using var anonymous = host.CreateClient();
        if (authorization is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        var response = await SendAsync(anonymous, HttpMethod.Post, "/api/incidents", JsonContent.Create(new { title = "db down", severity = "sev2" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task A_command_on_a_closed_incident_is_a_409_saying_what_to_do()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("db down");
        await host.PostAsync($"/api/incidents/{id}/resolve");
        await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "resolved", "resolved", ApiOnTheEngine.Patience);
        await host.PostAsync($"/api/incidents/{id}/close");
        var before = await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "closed", "closed", ApiOnTheEngine.Patience);

        var response = await SendAsync(host.Api, HttpMethod.Post, $"/api/incidents/{id}/updates", JsonContent.Create(new { text = "all good" }));

        var body = await AssertProblemAsync(response, HttpStatusCode.Conflict, "incident.closed");
        Assert.Equal($"{id} is closed; reopen it first.", body["detail"]!.GetValue<string>());
        Assert.Equal(before["version"]!.GetValue<int>(), (await host.GetAsync($"/api/incidents/{id}"))["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/incidents/INC-999/acknowledge")]
    [InlineData("/api/incidents/..%2F..%2Fsecrets/acknowledge")]
    public async Task A_command_for_an_unknown_incident_is_a_404(string path)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        var response = await SendAsync(host.Api, HttpMethod.Post, path, null);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "incident.not_found");
    }

    [Theory]
    [InlineData("not-a-token-we-issued")]
    [InlineData("%27%20or%20PartitionKey%20ne%20%27")]
    public async Task A_continuation_token_we_did_not_issue_is_a_400_naming_the_field(string token)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        var response = await SendAsync(host.Api, HttpMethod.Get, $"/api/incidents?continuationToken={token}", null);

        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "input.invalid");
        Assert.NotNull(body["errors"]!["continuationToken"]);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        return await client.SendAsync(request);
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, body["code"]!.GetValue<string>());
        return body;
    }

    /// <summary>No incident is listed and the first real declare still gets number 1.</summary>
    private static async Task AssertNothingStoredAsync(ServerHost host)
    {
        Assert.Empty((await host.GetAsync("/api/incidents"))["items"]!.AsArray());
        Assert.Equal("INC-1", (await host.DeclareAsync(new { title = "real one", severity = "sev4" }))["id"]!.GetValue<string>());
    }
}
