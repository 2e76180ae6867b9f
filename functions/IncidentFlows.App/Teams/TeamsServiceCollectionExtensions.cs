using Azure.Core;
using Azure.Identity;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Graph;
using IncidentFlows.App.Teams.Inbound;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.App.Teams.WarRooms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace IncidentFlows.App.Teams;

/// <summary>Teams: the bot, its Connector client, Graph, and the effect runner and sweep notices that replace the console ones.</summary>
public static class TeamsServiceCollectionExtensions
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    private const string GraphHttpClient = "graph";

    public static IServiceCollection AddIncidentFlowsTeams(this IServiceCollection services, IConfiguration configuration, IncidentFlowsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var teams = options.Teams;
        services.Configure<TeamsOptions>(configuration.GetSection(TeamsOptions.Section));
        if (!services.Any(d => d.ServiceType == typeof(BotCredential)))
        {
            services.AddSingleton(new BotCredential(Credential(teams, options.DevelopmentMode))); // fails at start, not at the first page
        }

        services.AddBotAuthentication(options);
        services.AddTransient<ConnectorTokenHandler>();
        services.Configure<TeamsHttpOptions>(configuration.GetSection(TeamsHttpOptions.Section));
        services.AddHttpClient<ConnectorClient>()
            .AddTeamsResilience()
            .AddHttpMessageHandler<ConnectorTokenHandler>(); // inside the retries: every attempt asks for a current token

        services.AddHttpClient(GraphHttpClient)
            .AddTeamsResilience()
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler))
                {
                    handlers.Add(handler); // Graph's redirect, telemetry and header handlers; retries are ours, once
                }
            });
        services.AddSingleton(sp => GraphClient(
            sp.GetRequiredService<IOptions<TeamsOptions>>().Value,
            sp.GetRequiredService<BotCredential>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(GraphHttpClient)));
        services.AddSingleton<TeamsGraphTarget>();
        if (teams.WarRoomChannelId is { Length: > 0 } fixedChannel && options.DevelopmentMode)
        {
            services.AddSingleton<IWarRooms>(sp => new FixedChannelWarRooms(fixedChannel, sp.GetRequiredService<Incidents.ITeamContextSource>()));
        }
        else
        {
            services.AddSingleton<IWarRooms, GraphWarRooms>();
        }

        if (IsOffline(services, teams))
        {
            services.AddSingleton<OfflineGraph>();
            services.AddSingleton<IActivityFeed>(sp => sp.GetRequiredService<OfflineGraph>());
            services.AddSingleton<IPeopleDirectory>(sp => sp.GetRequiredService<OfflineGraph>());
            services.AddSingleton<IChannelMessages>(sp => sp.GetRequiredService<OfflineGraph>());
        }
        else
        {
            services.AddSingleton<IActivityFeed, GraphActivityFeed>();
            services.AddSingleton<IPeopleDirectory, GraphPeople>();
            services.AddSingleton<IChannelMessages, GraphChannelMessages>();
        }

        services.AddSingleton<ConversationBook>();
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton<TeamsPeople>();
        services.AddSingleton<TeamsMessenger>();
        services.AddSingleton<BotTextRequests>();
        services.AddSingleton<BotCardActions>();
        services.AddSingleton<WarRoomCapture>();
        services.AddSingleton<BotActivityHandler>();
        services.AddSingleton<TeamsPager>();
        services.AddSingleton<IEffectRunner, TeamsEffectRunner>();
        services.AddSingleton<Sweeps.ISweepNotices, TeamsSweepNotices>();
        return services;
    }

    /// <summary>No credential (development mode) and the real Graph: nothing could answer.</summary>
    private static bool IsOffline(IServiceCollection services, TeamsOptions teams) =>
        teams.GraphBaseUrl == new TeamsOptions().GraphBaseUrl
        && services.LastOrDefault(d => d.ServiceType == typeof(BotCredential))?.ImplementationInstance is BotCredential { Credential: null };

    /// <summary>Client secret, else the user-assigned managed identity; none only in development mode (the playground needs no token).</summary>
    private static TokenCredential? Credential(TeamsOptions teams, bool developmentMode) => teams switch
    {
        { ClientSecret: { Length: > 0 } secret } => new ClientSecretCredential(teams.TenantId ?? "botframework.com", teams.AppId, secret),
        { ManagedIdentityClientId: { Length: > 0 } clientId } => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)),
        _ when developmentMode => null,
        _ => throw new InvalidOperationException("Teams needs a credential: set IncidentFlows:Teams:ClientSecret or IncidentFlows:Teams:ManagedIdentityClientId."),
    };

    /// <summary>Graph over our resilient HttpClient (see <see cref="TeamsHttpResilience"/>); tokens only for the configured Graph host.</summary>
    private static GraphServiceClient GraphClient(TeamsOptions teams, BotCredential credential, HttpClient http)
    {
        IAuthenticationProvider auth = credential.Credential is { } tokens
            ? new AzureIdentityAuthenticationProvider(tokens, [teams.GraphBaseUrl.Host], null, true, GraphScope)
            : new AnonymousAuthenticationProvider();
        return new GraphServiceClient(http, auth, teams.GraphBaseUrl.AbsoluteUri.TrimEnd('/'));
    }
}
