using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Security;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

/// <summary>
/// Two server processes on one task hub (same storage account, same team, different worker ids) share
/// the incidents through the Azure Storage provider's partition leases. Kill -9 the one that holds the
/// incident mid-escalation: the other takes its partitions once their leases lapse (30 s) and pages the
/// next level exactly once. Takes about a minute.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class SharedTaskHubSpecs(AzuriteFixture azurite)
{
    private static readonly TimeSpan LeaseTakeover = TimeSpan.FromSeconds(45); // the provider's 30 s lease, its renewal and a poll

    [Fact]
    public async Task When_one_of_two_servers_dies_mid_escalation_the_other_pages_the_next_level_exactly_once()
    {
        var settings = Settings(await TeamFiles.FastAsync(ackSeconds: 20));
        JsonObject declared;
        DateTimeOffset deadline;
        ServerProcess survivor;
        await using (var first = await ServerProcess.StartAsync(With(settings, "worker-a")))
        {
            // Alone on the task hub, the first server leases every partition: the incident is its.
            using var api = Client(first);
            var response = await api.PostAsJsonAsync("/api/incidents", new { title = "Checkout failing", severity = "sev1", service = "checkout" });
            declared = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            deadline = DateTimeOffset.Parse(declared["escalation"]!["ackDeadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            survivor = await ServerProcess.StartAsync(With(settings, "worker-b"));
            first.Kill();
        }

        await using var second = survivor;
        using var client = Client(second);
        var escalated = await Poll.UntilAsync(
            async () => await client.GetFromJsonAsync<JsonObject>($"/api/incidents/{declared["id"]}") is { } i && i["escalation"]!["level"]!.GetValue<int>() == 2 ? i : null,
            () => "level 2 paged by the surviving server",
            timeout: deadline - DateTimeOffset.UtcNow + LeaseTakeover + TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second, duplicate page would show up here
        var timeline = (await client.GetFromJsonAsync<JsonObject>($"/api/incidents/{declared["id"]}/timeline"))!;

        var pages = timeline["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "paged").Select(r => r!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, pages.Count);
        Assert.StartsWith("Paged at level 1", pages[0], StringComparison.Ordinal);
        Assert.StartsWith("Paged at level 2", pages[1], StringComparison.Ordinal);
        var paged = DateTimeOffset.Parse(escalated["escalation"]!["ackDeadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - TimeSpan.FromSeconds(20);
        Assert.InRange(paged - deadline, TimeSpan.Zero, LeaseTakeover);
    }

    private Dictionary<string, string> Settings(string teamFile) => new()
    {
        ["IncidentFlows__Storage__ConnectionString"] = azurite.Server.ConnectionString,
        ["IncidentFlows__Storage__TablePrefix"] = "hub" + Guid.NewGuid().ToString("N")[..10],
        ["IncidentFlows__Team__ConfigFile"] = teamFile,
        ["IncidentFlows__ApiKeys__Keys__0__Name"] = "e2e",
        ["IncidentFlows__ApiKeys__Keys__0__Team"] = "platform",
        ["IncidentFlows__ApiKeys__Keys__0__Sha256"] = ApiKeys.Hash(ServerHost.Key),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> settings, string workerId) =>
        new(settings) { ["IncidentFlows__DurableTask__WorkerId"] = workerId };

    private static HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ServerHost.Key);
        return client;
    }
}
