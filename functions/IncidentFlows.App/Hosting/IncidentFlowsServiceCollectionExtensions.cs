using Azure.Identity;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Security;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Sweeps;
using IncidentFlows.App.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentFlows.App.Hosting;

/// <summary>The App layer's composition, the same for both hosts; each host adds only its own surface.</summary>
public static class IncidentFlowsServiceCollectionExtensions
{
    /// <summary>Storage, the team's configuration, incidents, effects (Teams when IncidentFlows:Teams:AppId is set, else the console) and API security.</summary>
    public static IServiceCollection AddIncidentFlows(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IncidentFlowsOptions.Section);
        var options = section.Get<IncidentFlowsOptions>() ?? new IncidentFlowsOptions();
        services.Configure<IncidentFlowsOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddIncidentTelemetry();
        services.AddIncidentFlowsStorage(options.Storage);
        services.AddSingleton<TeamConfigurations>();
        services.AddSingleton<ITeamContextSource>(sp => sp.GetRequiredService<TeamConfigurations>());
        services.AddSingleton<IncidentRepository>();
        services.AddSingleton<IncidentStory>();
        services.AddSingleton<IncidentDeclarations>();
        if (options.Teams.IsConfigured)
        {
            services.AddIncidentFlowsTeams(configuration, options);
        }

        services.TryAddSingleton<IEffectRunner, ConsoleEffectRunner>();
        services.AddSingleton<TeamIncidents>();
        services.AddSingleton<HandoffDigestSweep>();
        services.AddSingleton<OverdueActionItemSweep>();
        services.TryAddSingleton<ISweepNotices, ConsoleSweepNotices>();
        services.AddIncidentFlowsSecurity(configuration, options);
        services.AddHostedService<IncidentFlowsStartup>();
        return services;
    }

    private static void AddIncidentFlowsStorage(this IServiceCollection services, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            services.AddTableStorage(storage.ConnectionString, IncidentRepository.Contracts, storage.TablePrefix);
            return;
        }

        if (storage.TableEndpoint is null)
        {
            throw new InvalidOperationException(
                "Storage is not configured: set IncidentFlows:Storage:ConnectionString (Azurite, account key) or IncidentFlows:Storage:TableEndpoint (managed identity).");
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage.ManagedIdentityClientId });
        services.AddTableStorage(storage.TableEndpoint, credential, IncidentRepository.Contracts, storage.TablePrefix);
    }
}
