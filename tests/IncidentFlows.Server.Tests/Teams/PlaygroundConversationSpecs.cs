using System.Text.Json.Nodes;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>
/// A person in a Teams-like client: the Agents Playground talks to the running server (Kestrel on a
/// free loopback port, development mode: the playground sends no token), Graph is a loopback fake.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class PlaygroundConversationSpecs(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private const string PlaygroundBot = "00000000-0000-0000-0000-00000000000011";
    private FakeGraph _graph = null!;
    private ServerHost _server = null!;
    private AgentsPlayground _playground = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        var serverPort = FreePort.Next();
        var playgroundPort = FreePort.Next();
        _server = new ServerHost(azurite.Server, new Dictionary<string, string?>
        {
            ["IncidentFlows:DevelopmentMode"] = "true",
            ["IncidentFlows:Teams:AppId"] = PlaygroundBot,
            ["IncidentFlows:Teams:GraphBaseUrl"] = _graph.BaseUrl.AbsoluteUri,
            ["IncidentFlows:Teams:IncidentsTeamGroupId"] = "00000000-0000-0000-0000-000000000031",
            ["IncidentFlows:Teams:IncidentsChannelId"] = "channel-announcements-id",
            ["IncidentFlows:Teams:DefaultServiceUrl"] = AgentsPlayground.ServiceUrlFor(playgroundPort).AbsoluteUri,
        }, kestrelPort: serverPort);
        _playground = await AgentsPlayground.StartAsync(new Uri($"http://127.0.0.1:{serverPort}/api/messages"), playgroundPort);
    }

    public async Task DisposeAsync()
    {
        await _playground.DisposeAsync();
        await _server.DisposeAsync();
        await _graph.DisposeAsync();
    }

    public void Dispose() => _server?.Dispose(); // idempotent; DisposeAsync already stopped it

    [Fact]
    public async Task Declare_by_message_then_acknowledge_on_the_card_which_updates_in_place()
    {
        var chat = (string)(await _playground.ConfigAsync())["personalChat"]!["id"]!;

        await _playground.SendAsync(chat, "declare sev1 checkout failing");
        var card = await _playground.NextAsync(m => IsCard(m, chat, "INC-1 · SEV1"), "incident card in the personal chat");
        var cardId = (string)card["message"]!["messageId"]!;
        Assert.Contains("\"verb\":\"acknowledge\"", card.ToJsonString(), StringComparison.Ordinal);

        var refreshed = await _playground.ExecuteAsync(chat, cardId, "acknowledge", new JsonObject { ["incident"] = "INC-1" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)refreshed["type"]); // the playground passes on type and value
        var newCard = refreshed["value"]!.ToJsonString();
        Assert.Contains("\"title\":\"Acknowledged\",\"value\":\"Alex Wilber\"", newCard, StringComparison.Ordinal);
        Assert.DoesNotContain("\"verb\":\"acknowledge\"", newCard, StringComparison.Ordinal);
        var incident = await _server.GetAsync("/api/incidents/INC-1");
        Assert.Equal("Alex Wilber", (string)incident["acknowledgedBy"]!["name"]!);
    }

    [Fact]
    public async Task The_announcement_appears_in_the_incidents_channel_and_is_edited_when_the_incident_changes()
    {
        var chat = (string)(await _playground.ConfigAsync())["personalChat"]!["id"]!;

        // SEV3 is announced but has no war room: the playground cannot show channels Graph creates.
        await _playground.SendAsync(chat, "declare sev3 search is slow");
        var announcement = await _playground.NextAsync(m => IsCard(m, "channel-announcements-id", "INC-1 · SEV3"), "announcement in the Announcements channel");
        await _playground.SendAsync(chat, "INC-1 ack");

        var edited = await _playground.NextAsync(
            m => (string?)m["action"] == "updateMessage" && (string?)m["message"]!["messageId"] == (string?)announcement["message"]!["messageId"]
                 && m.ToJsonString().Contains("Alex Wilber", StringComparison.Ordinal) && m.ToJsonString().Contains("\"Acknowledged\"", StringComparison.Ordinal),
            "the announcement updated in place");
        Assert.Equal("updateMessage", (string?)edited["action"]);
    }

    [Fact]
    public async Task Nonsense_gets_the_help_card()
    {
        var chat = (string)(await _playground.ConfigAsync())["personalChat"]!["id"]!;

        await _playground.SendAsync(chat, "hello there");

        var help = await _playground.NextAsync(m => m.ToJsonString().Contains("IncidentFlows commands", StringComparison.Ordinal), "help card");
        Assert.Contains("I did not understand", help.ToJsonString(), StringComparison.Ordinal);
    }

    private static bool IsCard(JsonObject m, string conversation, string heading) =>
        (string?)m["action"] == "createMessage"
        && ((string?)m["actionConversationId"])?.StartsWith(conversation, StringComparison.Ordinal) == true
        && m["message"]?["attachments"] is JsonArray { Count: > 0 } attachments
        && attachments[0]?["content"]?["body"]?[0]?["text"] is JsonValue text && ((string?)text)?.StartsWith(heading, StringComparison.Ordinal) == true;
}
