using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>The exact requests the Connector client sends, through the handlers AddIncidentFlowsTeams puts in front of it.</summary>
public sealed class ConnectorClientSpecs : IAsyncLifetime
{
    private TeamsKit _kit = null!;

    private ConnectorClient Client => _kit.Get<ConnectorClient>();

    private Uri ServiceUrl => _kit.Connector.ServiceUrl;

    public async Task InitializeAsync() => _kit = await TeamsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_reply_posts_to_the_activity_with_the_app_token_and_no_nulls()
    {
        var response = await Client.ReplyAsync(ServiceUrl, "a:chat;1", "act-9", Activity.Message("hello", HelpCard.Create()), default);

        var request = Assert.Single(_kit.Connector.Requests);
        Assert.Equal(("POST", "/v3/conversations/a:chat;1/activities/act-9"), (request.Method, request.Path));
        Assert.Equal("Bearer app-token", request.Header("Authorization"));
        Assert.Contains("https://api.botframework.com/.default", _kit.Credential.Scopes);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("hello", (string?)body["text"]);
        Assert.Equal(Attachment.AdaptiveCardType, (string?)body["attachments"]![0]!["contentType"]);
        Assert.DoesNotContain("null", request.Body, StringComparison.Ordinal);
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task An_update_in_place_is_a_put_to_the_message()
    {
        await Client.UpdateAsync(ServiceUrl, "19:incidents@thread.tacv2;messageid=7", "7", Activity.Message("edited"), default);

        var request = Assert.Single(_kit.Connector.Requests);
        Assert.Equal(("PUT", "/v3/conversations/19:incidents@thread.tacv2;messageid=7/activities/7"), (request.Method, request.Path));
        Assert.Equal("7", (string?)JsonNode.Parse(request.Body)!["id"]);
    }

    [Fact]
    public async Task A_new_channel_thread_is_a_conversation_created_with_the_channel_in_channel_data()
    {
        var created = await Client.CreateConversationAsync(ServiceUrl, new ConversationParameters(
            IsGroup: true, Bot: new ChannelAccount(TestTenant.AppId), TenantId: "tenant-1", Activity: Activity.Message("welcome"),
            ChannelData: new JsonObject { ["channel"] = new JsonObject { ["id"] = "19:war@thread.tacv2" } }), default);

        var body = JsonNode.Parse(Assert.Single(_kit.Connector.Requests).Body)!;
        Assert.Equal("19:war@thread.tacv2", (string?)body["channelData"]!["channel"]!["id"]);
        Assert.True((bool)body["isGroup"]!);
        Assert.Equal("welcome", (string?)body["activity"]!["text"]);
        Assert.StartsWith("19:war@thread.tacv2;messageid=", created.Id, StringComparison.Ordinal);
        Assert.NotNull(created.ActivityId);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_retry_after_asks_for()
    {
        _kit.Connector.FailNext(new FakeResponse(429, """{"error":{"code":"Throttled"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" }));
        var clock = Stopwatch.StartNew();

        await Client.SendAsync(ServiceUrl, "a:chat", Activity.Message("page"), default);

        Assert.Equal(2, _kit.Connector.Requests.Count);
        Assert.Equal(_kit.Connector.Requests[0].Body, _kit.Connector.Requests[1].Body);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}, Retry-After said 1 s");
    }

    [Fact]
    public async Task Server_errors_are_retried_and_client_errors_are_not()
    {
        _kit.Connector.FailNext(new FakeResponse(503, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" }));
        await Client.SendAsync(ServiceUrl, "a:chat", Activity.Message("once"), default);
        Assert.Equal(2, _kit.Connector.Requests.Count);

        _kit.Connector.FailNext(new FakeResponse(403, """{"error":{"code":"BotNotInConversationRoster"}}"""));
        var refused = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendAsync(ServiceUrl, "a:chat", Activity.Message("twice"), default));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(3, _kit.Connector.Requests.Count);
    }
}
