using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Security;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>
/// Who did what is proven: the timeline names the service that acted on someone's behalf, a key does only what
/// its scope grants, and the configuration of another team is never taken, on the server as it runs.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class IdentitySpecs(AzuriteFixture azurite)
{
    private const string ReadKey = "ifk_a-dashboard-that-only-reads";

    [Fact]
    public async Task A_command_an_api_key_sends_for_someone_is_on_the_timeline_as_the_key_on_their_behalf()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("Checkout failing", "sev2");

        await host.PostAsync($"/api/incidents/{id}/notes", new { text = "Rolled back the deploy", by = new { id = "oliver", name = "Oliver Hughes" } });
        var rows = await Poll.UntilAsync(
            async () => (await host.GetAsync($"/api/incidents/{id}/timeline"))["rows"]!.AsArray() is var r && r.Any(x => (string?)x!["kind"] == "note") ? r : null,
            () => "the note on the timeline",
            ApiOnTheEngine.Patience);

        Assert.Equal("e2e on behalf of Oliver Hughes", (string?)rows.Single(r => (string?)r!["kind"] == "note")!["who"]);
    }

    [Fact]
    public async Task A_read_only_key_reads_and_a_declare_with_it_is_a_403_naming_the_role_with_nothing_stored()
    {
        using var host = new ServerHost(azurite.Server, new Dictionary<string, string?>
        {
            ["IncidentFlows:ApiKeys:Keys:1:Name"] = "dashboard",
            ["IncidentFlows:ApiKeys:Keys:1:Team"] = "platform",
            ["IncidentFlows:ApiKeys:Keys:1:Sha256"] = ApiKeys.Hash(ReadKey),
            ["IncidentFlows:ApiKeys:Keys:1:Scopes:0"] = "read",
        });
        using var dashboard = host.CreateClient();
        dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ReadKey);

        var list = await dashboard.GetAsync(new Uri("/api/incidents", UriKind.Relative));
        using var declare = await dashboard.PostAsJsonAsync(new Uri("/api/incidents", UriKind.Relative), new { title = "From the dashboard", severity = "sev3" });
        var problem = await ApiOnTheEngine.AssertProblemAsync(declare, HttpStatusCode.Forbidden, "auth.forbidden");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("This needs the Respond role (IncidentFlows.Respond); the caller has Read only.", (string?)problem["detail"]);
        Assert.Empty((await host.GetAsync("/api/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task The_configuration_of_another_team_is_a_400_naming_team_id_and_the_servers_team_stays()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(ServerHost.SampleTeamFile))!.AsObject();
        document["team"]!["id"] = "payments";
        foreach (var policy in document["policies"]!.AsArray())
        {
            policy!["levels"]![0]!["ackTimeoutMinutes"] = 42; // visible on /api/oncall had it been taken
        }

        var before = (double)(await host.GetAsync("/api/oncall"))["levels"]![0]!["ackTimeoutMinutes"]!;

        using var response = await host.SendAsync(HttpMethod.Put, "/api/oncall/configuration", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiOnTheEngine.AssertProblemAsync(response, HttpStatusCode.BadRequest, "config.invalid");
        var onCall = await host.GetAsync("/api/oncall");

        Assert.Contains("serves team 'platform'", (string?)problem["errors"]!["team.id"]![0], StringComparison.Ordinal);
        Assert.NotEqual(42, before);
        Assert.Equal(before, (double)onCall["levels"]![0]!["ackTimeoutMinutes"]!);
    }

    [Fact]
    public async Task In_development_mode_the_server_refuses_to_start_on_an_address_that_is_not_loopback_and_says_why()
    {
        var (exitCode, output) = await ServerProcess.RunToExitAsync(
            new Dictionary<string, string> { ["IncidentFlows__DevelopmentMode"] = "true", ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            $"http://0.0.0.0:{FreePort.Next()}");

        Assert.Equal(1, exitCode);
        Assert.Contains("IncidentFlows will not start: IncidentFlows:DevelopmentMode is on, which turns authentication off, but the server would listen on http://0.0.0.0:", output, StringComparison.Ordinal);
    }
}
