using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>
/// The server with Teams on (not in development mode), wired to fakes on loopback: the Bot Framework's
/// OpenID metadata, the Bot Connector and Graph. Activities are sent as the Connector would, signed.
/// </summary>
internal sealed class TeamsServer : IAsyncDisposable
{
    /// <summary>The tenant of the recorded activities (the Agents Playground's).</summary>
    public const string RecordedTenant = "00000000-0000-0000-0000-0000000000001";

    private TeamsServer(ServerHost host, FakeBotFrameworkIssuer issuer, FakeBotConnector connector, FakeGraph graph)
    {
        Host = host;
        Issuer = issuer;
        Connector = connector;
        Graph = graph;
    }

    public ServerHost Host { get; }

    public FakeBotFrameworkIssuer Issuer { get; }

    public FakeBotConnector Connector { get; }

    public FakeGraph Graph { get; }

    public static async Task<TeamsServer> StartAsync(AzuriteServer azurite)
    {
        var issuer = await FakeBotFrameworkIssuer.StartAsync();
        var connector = await FakeBotConnector.StartAsync();
        var graph = await FakeGraph.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["IncidentFlows:Teams:AppId"] = TestTenant.AppId,
            ["IncidentFlows:Teams:TenantId"] = "tenant-1",
            ["IncidentFlows:Teams:ClientSecret"] = "not-used: the test credential replaces it",
            ["IncidentFlows:Teams:OpenIdMetadataUrl"] = issuer.MetadataUrl.AbsoluteUri,
            ["IncidentFlows:Teams:GraphBaseUrl"] = graph.BaseUrl.AbsoluteUri,
            ["IncidentFlows:Teams:IncidentsTeamGroupId"] = TestTenant.TeamGroupId,
            ["IncidentFlows:Teams:IncidentsChannelId"] = TestTenant.IncidentsChannel,
            ["IncidentFlows:Teams:DefaultServiceUrl"] = connector.ServiceUrl.AbsoluteUri,
            ["IncidentFlows:Teams:AllowedTenantIds"] = RecordedTenant,
            ["IncidentFlows:Teams:AllowedServiceUrls"] = connector.ServiceUrl.AbsoluteUri,
        };
        var host = new ServerHost(azurite, settings, services => services.AddSingleton(new BotCredential(new StaticTokenCredential("app-token"))));
        return new TeamsServer(host, issuer, connector, graph);
    }

    /// <summary>A recorded activity, its serviceUrl pointed at the fake Connector, changed by <paramref name="edit"/>.</summary>
    public JsonObject Recorded(string name, Action<JsonObject>? edit = null)
    {
        var path = Path.Combine(RepositoryRoot.Find().FullName, "tests", "IncidentFlows.Testing", "Teams", "Activities", name + ".json");
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["serviceUrl"] = Connector.ServiceUrl.AbsoluteUri;
        activity["id"] = Guid.NewGuid().ToString();
        edit?.Invoke(activity);
        return activity;
    }

    /// <summary>Posts an activity to /api/messages with a valid Connector token (or the one given).</summary>
    public async Task<HttpResponseMessage> SendAsync(JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        var bearer = token ?? Issuer.Token(TestTenant.AppId, (string)activity["serviceUrl"]!);
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Host.Api.SendAsync(request);
    }

    /// <summary>Waits (in real time) until the fake Connector has seen a request matching <paramref name="match"/>.</summary>
    public Task<RecordedRequest> ConnectorEventuallyAsync(Func<RecordedRequest, bool> match, string what) =>
        Poll.UntilSeenAsync(
            () => Connector.Requests.FirstOrDefault(match),
            () => $"{what}; the Connector saw:\n" + string.Join("\n", Connector.Requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.Body}")));

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Issuer.DisposeAsync();
        await Connector.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
