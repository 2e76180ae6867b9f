using System.Globalization;
using System.Text.Json.Nodes;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>
/// The war room writes the timeline: activities from other people, sent through the Agents Playground's custom
/// activities, reach the server on the Durable Task engine; messages the reactions name are read from the fake Graph.
/// War rooms post into the playground's General channel (<c>WarRoomChannelId</c>); the Announcements channel is not one.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class WarRoomCaptureSpecs(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private const string PlaygroundBot = "00000000-0000-0000-0000-00000000000011";
    private const string TeamGroup = "00000000-0000-0000-0000-000000000031";
    private const string WarRoom = "team-id";
    private const string Announcements = "channel-announcements-id";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FakeGraph _graph = null!;
    private ServerHost _server = null!;
    private AgentsPlayground _playground = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        var serverPort = FreePort.Next();
        var playgroundPort = FreePort.Next();
        _server = new ServerHost(
            azurite.Server,
            new Dictionary<string, string?>
            {
                ["IncidentFlows:Team:ConfigFile"] = ServerHost.SampleTeamFile,
                ["IncidentFlows:DevelopmentMode"] = "true",
                ["IncidentFlows:Teams:AppId"] = PlaygroundBot,
                ["IncidentFlows:Teams:GraphBaseUrl"] = _graph.BaseUrl.AbsoluteUri,
                ["IncidentFlows:Teams:IncidentsTeamGroupId"] = TeamGroup,
                ["IncidentFlows:Teams:IncidentsChannelId"] = Announcements,
                ["IncidentFlows:Teams:WarRoomChannelId"] = WarRoom,
                ["IncidentFlows:Teams:DefaultServiceUrl"] = AgentsPlayground.ServiceUrlFor(playgroundPort).AbsoluteUri,
            },
            kestrelPort: serverPort);
        _playground = await AgentsPlayground.StartAsync(new Uri($"http://127.0.0.1:{serverPort}/api/messages"), playgroundPort);
        var chat = (string)(await _playground.ConfigAsync())["personalChat"]!["id"]!;
        await _playground.SendAsync(chat, "declare sev2 checkout failing");
        await _server.EventuallyAsync("INC-1", i => i["warRoom"] is JsonObject, "INC-1 has its war room", Patience);
    }

    public async Task DisposeAsync()
    {
        await _playground.DisposeAsync();
        await _server.DisposeAsync();
        await _graph.DisposeAsync();
    }

    public void Dispose() => _server?.Dispose();

    [Fact]
    public async Task A_pin_reaction_pins_the_message_at_the_time_it_was_posted_and_removing_it_takes_it_off()
    {
        var posted = PostedInGraph("msg-77", "<p>p99 doubled after <b>4.2</b> went out</p>", minutesAgo: 3);

        await ReactAsync(WarRoom, "msg-77", added: true);

        var pinned = await PinnedRowAsync(r => ((string)r["text"]!).StartsWith("p99 doubled after 4.2 went out", StringComparison.Ordinal), "the reacted message pinned");
        Assert.Equal(posted, DateTimeOffset.Parse((string)pinned["at"]!, CultureInfo.InvariantCulture));
        Assert.Equal("Megan Bowen", (string?)pinned["who"]);
        Assert.Contains("https://teams.microsoft.com/l/message/team-id/msg-77", (string)pinned["text"]!, StringComparison.Ordinal);
        Assert.Contains(_graph.Requests, r => r.Method == "GET" && r.Path == $"/v1.0/teams/{TeamGroup}/channels/{WarRoom}/messages/msg-77");

        await ReactAsync(WarRoom, "msg-77", added: false);

        await Poll.UntilAsync(async () => (await RowsAsync()).Any(r => (bool)r["pinned"]!) ? null : "gone", () => "the pin taken off the timeline", Patience);
    }

    [Fact]
    public async Task The_message_action_pins_the_message_the_invoke_carries()
    {
        var posted = DateTimeOffset.UtcNow.AddMinutes(-5);
        await _playground.SendActivityAsync(WarRoom, a =>
        {
            FromMegan(a, WarRoom);
            a["type"] = "invoke";
            a["name"] = "composeExtension/submitAction";
            a["value"] = new JsonObject
            {
                ["commandId"] = "addToTimeline",
                ["commandContext"] = "message",
                ["messagePayload"] = new JsonObject
                {
                    ["id"] = "msg-90",
                    ["createdDateTime"] = posted.ToString("O", CultureInfo.InvariantCulture),
                    ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-0000000000022", ["displayName"] = "Adele Vance" } },
                    ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<div>rollback done, errors falling</div>" },
                    ["linkToMessage"] = "https://teams.microsoft.com/l/message/team-id/msg-90",
                },
            };
        });

        var pinned = await PinnedRowAsync(r => ((string)r["text"]!).StartsWith("rollback done, errors falling", StringComparison.Ordinal), "the message action's message pinned");
        Assert.Equal("Adele Vance", (string?)pinned["who"]);
        Assert.Equal(posted.ToUnixTimeSeconds(), DateTimeOffset.Parse((string)pinned["at"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_pin_reply_in_a_war_room_thread_pins_the_threads_first_message()
    {
        PostedInGraph("msg-40", "<p>db connections at max</p>", minutesAgo: 2);

        await _playground.SendActivityAsync(WarRoom, a =>
        {
            FromMegan(a, WarRoom);
            a["type"] = "message";
            a["conversation"]!["id"] = $"{WarRoom};messageid=msg-40";
            a["text"] = "pin";
        });

        await PinnedRowAsync(r => (string?)r["text"] == "db connections at max (https://teams.microsoft.com/l/message/team-id/msg-40)", "the thread's first message pinned");
    }

    [Fact]
    public async Task A_war_room_message_with_a_github_link_puts_the_link_on_the_timeline_and_nothing_else_of_it()
    {
        var sent = DateTimeOffset.UtcNow.AddMinutes(-1);
        sent = sent.AddTicks(-(sent.Ticks % TimeSpan.TicksPerSecond));
        await _playground.SendActivityAsync(WarRoom, a =>
        {
            FromMegan(a, WarRoom);
            a["type"] = "message";
            a["id"] = "msg-120";
            a["timestamp"] = sent.ToString("O", CultureInfo.InvariantCulture);
            a["text"] = "<p>reverting <a href=\"https://github.com/contoso/shop/pull/412\">the cache change</a>, secret plan inside</p>";
        });

        var link = await Poll.UntilAsync(
            async () => (await RowsAsync()).FirstOrDefault(r => (string?)r["kind"] == "link"),
            () => "the shared link on the timeline\n" + _playground.Log,
            Patience);
        Assert.Equal("Shared a GitHub pull request: contoso/shop#412 (https://github.com/contoso/shop/pull/412)", (string?)link["text"]);
        Assert.Equal("Megan Bowen", (string?)link["who"]);
        Assert.Equal(sent, DateTimeOffset.Parse((string)link["at"]!, CultureInfo.InvariantCulture));
        Assert.DoesNotContain(await RowsAsync(), r => ((string)r["text"]!).Contains("secret plan", StringComparison.Ordinal));
        var postmortem = await _server.Api.GetStringAsync(new Uri("/api/incidents/INC-1/postmortem", UriKind.Relative));
        Assert.Contains("Megan Bowen", postmortem.Split('\n').Single(l => l.StartsWith("- Active participants ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_and_reactions_in_a_channel_that_is_not_a_war_room_are_ignored()
    {
        PostedInGraph("msg-5", "<p>lunch?</p>", minutesAgo: 1);
        PostedInGraph("msg-6", "<p>checkout 5xx back to normal</p>", minutesAgo: 1);
        await _playground.SendActivityAsync(Announcements, a =>
        {
            FromMegan(a, Announcements);
            a["type"] = "message";
            a["conversation"]!["id"] = $"{Announcements};messageid=msg-5";
            a["text"] = "pin";
        });
        await ReactAsync(Announcements, "msg-5", added: true);

        await ReactAsync(WarRoom, "msg-6", added: true); // sent after the others: once it is pinned, they were handled

        var pinned = await PinnedRowAsync(r => ((string)r["text"]!).StartsWith("checkout 5xx back to normal", StringComparison.Ordinal), "the war-room message pinned");
        Assert.Single(await RowsAsync(), r => (bool)r["pinned"]!);
        Assert.DoesNotContain(_graph.Requests, r => r.Path.EndsWith("/msg-5", StringComparison.Ordinal));
        Assert.Equal("Megan Bowen", (string?)pinned["who"]);
    }

    private DateTimeOffset PostedInGraph(string id, string html, int minutesAgo)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo);
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        _graph.Messages[id] = new JsonObject
        {
            ["id"] = id,
            ["createdDateTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = Megan, ["displayName"] = "Megan Bowen" } },
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
            ["webUrl"] = $"https://teams.microsoft.com/l/message/team-id/{id}",
        };
        return at;
    }

    private Task ReactAsync(string channel, string messageId, bool added) =>
        _playground.SendActivityAsync(channel, a =>
        {
            FromMegan(a, channel);
            a["type"] = "messageReaction";
            a["conversation"]!["id"] = $"{channel};messageid={messageId}";
            a["replyToId"] = messageId;
            a[added ? "reactionsAdded" : "reactionsRemoved"] = new JsonArray(new JsonObject { ["type"] = "1f4cc_pushpin" });
        });

    private static void FromMegan(JsonObject activity, string channel)
    {
        activity["from"] = new JsonObject { ["id"] = "user-id-1", ["name"] = "Megan Bowen", ["aadObjectId"] = Megan };
        activity["channelData"] = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = channel },
            ["team"] = new JsonObject { ["id"] = WarRoom },
            ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-0000000000001" },
        };
    }

    private async Task<List<JsonObject>> RowsAsync() =>
        [.. (await _server.GetAsync("/api/incidents/INC-1/timeline"))["rows"]!.AsArray().Select(r => r!.AsObject())];

    private Task<JsonObject> PinnedRowAsync(Func<JsonObject, bool> match, string what) =>
        Poll.UntilAsync(
            async () => (await RowsAsync()).FirstOrDefault(r => (bool)r["pinned"]! && match(r)),
            () => $"{what}; Graph saw:\n" + string.Join("\n", _graph.Requests.Select(r => $"{r.Method} {r.PathAndQuery}")) + "\n" + _playground.Log,
            Patience);
}
