using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>
/// The Teams adapters as AddIncidentFlowsTeams wires them, pointed at a fake Bot Connector and a fake
/// Graph on loopback, with conversation references and the sample team in memory.
/// </summary>
internal sealed class TeamsKit : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TeamsKit(ServiceProvider services, FakeBotConnector connector, FakeGraph graph, MemoryDocuments documents, StaticTokenCredential credential)
    {
        _services = services;
        Connector = connector;
        Graph = graph;
        Documents = documents;
        Credential = credential;
    }

    public FakeBotConnector Connector { get; }

    public FakeGraph Graph { get; }

    public MemoryDocuments Documents { get; }

    public StaticTokenCredential Credential { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TeamsKit> StartAsync(bool archiveOnClose = false, IReadOnlyDictionary<string, string?>? more = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        var graph = await FakeGraph.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["IncidentFlows:Teams:AppId"] = TestTenant.AppId,
            ["IncidentFlows:Teams:TenantId"] = "tenant-1",
            ["IncidentFlows:Teams:IncidentsTeamGroupId"] = TestTenant.TeamGroupId,
            ["IncidentFlows:Teams:IncidentsChannelId"] = TestTenant.IncidentsChannel,
            ["IncidentFlows:Teams:ArchiveWarRoomsOnClose"] = archiveOnClose ? "true" : "false",
            ["IncidentFlows:Teams:GraphBaseUrl"] = graph.BaseUrl.AbsoluteUri,
            ["IncidentFlows:Teams:DefaultServiceUrl"] = connector.ServiceUrl.AbsoluteUri,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(IncidentFlowsOptions.Section).Get<IncidentFlowsOptions>()!;
        var documents = new MemoryDocuments();
        var credential = new StaticTokenCredential("app-token");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new BotCredential(credential))
            .AddSingleton<IConversationReferences>(documents)
            .AddSingleton<IOnCallDocuments>(documents)
            .AddSingleton<TeamConfigurations>()
            .AddSingleton<ITeamContextSource>(sp => sp.GetRequiredService<TeamConfigurations>())
            .AddIncidentFlowsTeams(configuration, options)
            .BuildServiceProvider();
        var teams = services.GetRequiredService<TeamConfigurations>();
        var problems = await teams.ReplaceAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json")), serverTeam: null, default);
        Assert.Empty(problems);
        return new TeamsKit(services, connector, graph, documents, credential);
    }

    /// <summary>A SEV2 declared by Sam on Monday 23 November 2026, 10:00 UTC.</summary>
    public static Incident Declared(string id = "INC-42", string title = "Checkout failing") =>
        IncidentEvolution.Fold([new IncidentEvent.Declared(
            new IncidentId(id), title, Severity.Sev2, IncidentKind.Real, new Person("sam", "Sam Okafor"), "checkout", null, null,
            SeverityPolicies.Default[Severity.Sev2], Instant.FromUtc(2026, 11, 23, 10, 30)) { At = Instant.FromUtc(2026, 11, 23, 10, 0) }]);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Connector.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
