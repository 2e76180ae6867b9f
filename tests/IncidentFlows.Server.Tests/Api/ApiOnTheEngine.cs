using System.Net;
using System.Text.Json.Nodes;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>The in-process server (the Durable Task engine, the machine's clock), and how its API specs look at answers.</summary>
internal static class ApiOnTheEngine
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static ServerHost Start(AzuriteServer azurite) => new(azurite);

    /// <summary>Declares and waits until the engine has stored the incident, so reads and commands find it.</summary>
    public static async Task<string> DeclareStoredAsync(this ServerHost host, string title, string severity = "sev3")
    {
        var id = (await host.DeclareAsync(new { title, severity }))["id"]!.GetValue<string>();
        await host.EventuallyAsync(id, _ => true, $"{id} stored", Patience);
        return id;
    }

    public static async Task<HttpResponseMessage> SendAsync(this ServerHost host, HttpMethod method, string path, HttpContent? content = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await host.Api.SendAsync(request);
    }

    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, body["code"]!.GetValue<string>());
        return body;
    }

    public static async Task<List<string>> TimelineTextsAsync(this ServerHost host, string id) =>
        [.. (await host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray().Select(r => r!["text"]!.GetValue<string>())];
}
