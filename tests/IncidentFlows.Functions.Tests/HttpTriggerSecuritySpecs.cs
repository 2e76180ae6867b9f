using IncidentFlows.Testing;

namespace IncidentFlows.Functions.Tests;

/// <summary>
/// Every HTTP trigger is AuthorizationLevel.Anonymous, so our own policy is the only gate in front of the
/// production API: without a credential each answers 401; with one, the App handler runs.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class HttpTriggerSecuritySpecs(AzuriteFixture azurite) : IAsyncLifetime
{
    private FunctionsHost _host = null!;

    public static TheoryData<string> ApiTriggers => HttpTrigger.Names(t => t.Route.StartsWith("api/", StringComparison.Ordinal));

    public async Task InitializeAsync() => _host = await FunctionsHost.StartAsync(azurite.Server);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void The_host_has_the_http_triggers_of_the_api_and_the_bot()
    {
        Assert.Contains(HttpTrigger.All, t => t.Route == "api/incidents" && t.Method == "POST");
        Assert.Contains(HttpTrigger.All, t => t.Route == "api/messages");
        Assert.True(HttpTrigger.All.Count >= 15, string.Join(", ", HttpTrigger.All));
    }

    [Theory]
    [MemberData(nameof(ApiTriggers))]
    public async Task Without_a_credential_every_trigger_answers_401(string name)
    {
        var (status, body) = await _host.InvokeAsync(HttpTrigger.Named(name), body: "{}");

        Assert.True(status == 401, $"{HttpTrigger.Named(name)}: {status} {body}");
        Assert.Empty(_host.Durable.Started);
        Assert.Empty(_host.Durable.Raised);
    }

    [Theory]
    [MemberData(nameof(ApiTriggers))]
    public async Task With_an_api_key_every_api_trigger_reaches_its_handler(string name)
    {
        var trigger = HttpTrigger.Named(name);
        if (trigger.Route == "api/messages")
        {
            return; // the bot answers to Bot Connector tokens, not API keys: see the next spec
        }

        // An empty JSON object is a valid body where none is needed and a field-level 400 where one is:
        // either way the handler, not the gate, answered.
        var (status, body) = await _host.InvokeAsync(trigger, FunctionsHost.Key, "{}");

        Assert.True(status is not (401 or 403) and < 500, $"{trigger}: {status} {body}");
    }

    [Fact]
    public async Task The_bot_trigger_rejects_an_unsigned_activity()
    {
        var activity = """{"type":"message","text":"declare sev1 db down","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/teams/","conversation":{"id":"a"},"from":{"id":"u"},"recipient":{"id":"b"}}""";

        var (status, _) = await _host.InvokeAsync(HttpTrigger.Named("BotMessages"), body: activity);

        Assert.Equal(401, status);
        Assert.Empty(_host.Durable.Started);
    }

    [Fact]
    public async Task A_declare_with_an_api_key_starts_the_incidents_orchestration()
    {
        var (status, body) = await _host.InvokeAsync(
            HttpTrigger.Named("DeclareIncident"), FunctionsHost.Key, """{"title":"Checkout failing","severity":"SEV2"}""");

        Assert.True(status == 202, $"{status} {body}");
        var started = Assert.Single(_host.Durable.Started);
        Assert.Equal("IncidentOrchestration", started.Orchestrator);
        Assert.Contains(started.InstanceId!, body, StringComparison.Ordinal);
    }
}
