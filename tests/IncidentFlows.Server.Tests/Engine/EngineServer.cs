using System.Text.Json.Nodes;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Engine;

/// <summary>The in-process server on the Durable Task engine and the machine's clock, its pages recorded.</summary>
internal static class EngineServer
{
    public static ServerHost Start(AzuriteServer azurite, PageRecorder pages, string? teamFile = null) => new(
        azurite,
        new Dictionary<string, string?>
        {
            ["IncidentFlows:Team:ConfigFile"] = teamFile ?? ServerHost.SampleTeamFile,
        },
        pages.Register);

    /// <summary>
    /// Polls the incident's read side until <paramref name="condition"/> holds: the engine's turns run in the
    /// background, so a just-declared incident is a 404 until its first commit is stored.
    /// </summary>
    public static Task<JsonObject> EventuallyAsync(this ServerHost host, string id, Func<JsonObject, bool> condition, string what, TimeSpan timeout)
    {
        JsonObject? last = null;
        return Poll.UntilAsync(
            async () =>
            {
                using var response = await host.Api.GetAsync(new Uri($"/api/incidents/{id}", UriKind.Relative));
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return null;
                }

                response.EnsureSuccessStatusCode();
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                return condition(last) ? last : null;
            },
            () => $"{what}: {last}",
            timeout,
            TimeSpan.FromMilliseconds(100));
    }

    public static async Task<List<string>> TimelineKindsAsync(this ServerHost host, string id) =>
        [.. (await host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>())];
}
