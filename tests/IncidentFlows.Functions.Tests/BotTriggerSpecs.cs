using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Functions.Tests;

/// <summary>
/// The Functions host's bot trigger validates exactly as the server's endpoint does — the Bot Framework
/// scheme and policy, evaluated in the trigger because the worker's route has no authorization
/// middleware — and then hands the activity to the orchestrations.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class BotTriggerSpecs(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeBotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;
    private FunctionsHost _host = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _host = await FunctionsHost.StartAsync(
            azurite.Server,
            new Dictionary<string, string?>
            {
                ["IncidentFlows:Teams:OpenIdMetadataUrl"] = _issuer.MetadataUrl.AbsoluteUri,
                ["IncidentFlows:Teams:AllowedServiceUrls"] = _connector.ServiceUrl.AbsoluteUri,
                ["IncidentFlows:Teams:DefaultServiceUrl"] = _connector.ServiceUrl.AbsoluteUri,
            },
            services => services.AddSingleton(new BotCredential(new StaticTokenCredential("app-token"))));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task The_bot_trigger_accepts_a_valid_token_and_starts_the_declared_incidents_orchestration()
    {
        var (status, body) = await _host.InvokeAsync(HttpTrigger.Named("BotMessages"), body: Declare(), bearer: _issuer.Token(TestTenant.AppId, _connector.ServiceUrl.AbsoluteUri));

        Assert.True(status == 200, $"{status} {body}");
        var started = Assert.Single(_host.Durable.Started);
        Assert.Equal("IncidentOrchestration", started.Orchestrator);
        Assert.Contains(_connector.Requests, r => r.Method == "POST" && r.Path.StartsWith("/v3/conversations/a:1/activities", StringComparison.Ordinal)); // the reply
    }

    [Fact]
    public async Task The_bot_trigger_refuses_a_token_signed_by_another_key()
    {
        var (status, _) = await _host.InvokeAsync(HttpTrigger.Named("BotMessages"), body: Declare(), bearer: _issuer.Token(TestTenant.AppId, _connector.ServiceUrl.AbsoluteUri, foreignKey: true));

        Assert.Equal(401, status);
        Assert.Empty(_host.Durable.Started);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task The_bot_trigger_answers_a_malformed_activity_with_a_400_naming_the_field()
    {
        var activity = JsonNode.Parse(Declare())!.AsObject();
        activity["conversation"] = "a:1";

        var (status, body) = await _host.InvokeAsync(HttpTrigger.Named("BotMessages"), body: activity.ToJsonString(), bearer: _issuer.Token(TestTenant.AppId, _connector.ServiceUrl.AbsoluteUri));

        Assert.True(status == 400, $"{status} {body}");
        Assert.Contains("\"conversation\"", body, StringComparison.Ordinal);
        Assert.Empty(_host.Durable.Started);
    }

    private string Declare() => new JsonObject
    {
        ["type"] = ActivityTypes.Message,
        ["id"] = "activity-1",
        ["text"] = "declare sev2 checkout failing",
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.ServiceUrl.AbsoluteUri,
        ["conversation"] = new JsonObject { ["id"] = "a:1", ["conversationType"] = "personal" },
        ["from"] = new JsonObject { ["id"] = "29:alex", ["name"] = "Alex Wilber", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000020" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + TestTenant.AppId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    }.ToJsonString();
}
