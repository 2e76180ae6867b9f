using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Security;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

/// <summary>
/// Real processes, the real clock and the engine (the Durable Task Framework): kill -9 the server
/// mid-escalation, start another (same worker id, so it takes the partitions back at once), and the
/// escalation still fires once, on time. Takes about a minute (level 1's ack timeout: the killed server's partition leases must lapse before it).
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class CrashRecoverySpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_server_killed_mid_escalation_is_replaced_and_the_next_level_is_paged_exactly_once_on_time()
    {
        var settings = Settings(await TeamFiles.FastAsync(ackSeconds: 60));
        JsonObject declared;
        JsonObject stored;
        await using (var first = await ServerProcess.StartAsync(settings))
        {
            using var api = Client(first);
            var response = await api.PostAsJsonAsync("/api/incidents", new { title = "Checkout failing", severity = "sev1", service = "checkout" });
            declared = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            stored = await EventuallyAsync(api, declared, i => i["announcement"] is not null, TimeSpan.FromSeconds(20));
            first.Kill();
            Assert.Single(first.Output, l => l.Contains("paging", StringComparison.Ordinal) && l.Contains("(level 1,", StringComparison.Ordinal));
        }

        var deadline = DateTimeOffset.Parse(stored["escalation"]!["ackDeadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await using var second = await ServerProcess.StartAsync(settings);
        using var client = Client(second);
        await EventuallyAsync(client, declared, i => i["escalation"]!["level"]!.GetValue<int>() == 2, TimeSpan.FromSeconds(100));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second, duplicate page would show up here
        var timeline = (await client.GetFromJsonAsync<JsonObject>($"/api/incidents/{declared["id"]}/timeline"))!;

        var pages = timeline["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "paged").ToList();
        Assert.Equal(2, pages.Count);
        var firedAt = DateTimeOffset.Parse(pages[1]!["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(firedAt - deadline, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Single(second.Output, l => l.Contains("paging", StringComparison.Ordinal) && l.Contains("(level 2,", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Output, l => l.Contains("(level 1,", StringComparison.Ordinal));
    }

    private Dictionary<string, string> Settings(string teamFile) => new()
    {
        ["IncidentFlows__Storage__ConnectionString"] = azurite.Server.ConnectionString,
        ["IncidentFlows__Storage__TablePrefix"] = "crash" + Guid.NewGuid().ToString("N")[..10],
        ["IncidentFlows__Team__ConfigFile"] = teamFile,
        ["IncidentFlows__ApiKeys__Keys__0__Name"] = "e2e",
        ["IncidentFlows__ApiKeys__Keys__0__Team"] = "platform",
        ["IncidentFlows__ApiKeys__Keys__0__Sha256"] = ApiKeys.Hash(ServerHost.Key),
    };

    private static HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ServerHost.Key);
        return client;
    }

    /// <summary>Polls the read side; a 404 means the engine has not stored the declare yet (the API answered 202 Accepted).</summary>
    private static async Task<JsonObject> EventuallyAsync(HttpClient api, JsonObject incident, Func<JsonObject, bool> condition, TimeSpan timeout)
    {
        JsonObject? current = null;
        return await Poll.UntilAsync(
            async () =>
            {
                using var response = await api.GetAsync(new Uri($"/api/incidents/{incident["id"]}", UriKind.Relative));
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return null;
                }

                current = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                return condition(current) ? current : null;
            },
            () => $"the incident: {current}",
            timeout,
            TimeSpan.FromMilliseconds(200));
    }
}
