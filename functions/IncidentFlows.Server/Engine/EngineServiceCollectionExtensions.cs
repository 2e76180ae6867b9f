using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Sweeps;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentFlows.Server.Engine;

/// <summary>Which engine drives the incidents: <c>IncidentFlows:Engine</c> = <c>Dtfx</c> or <c>Scheduler</c>.</summary>
public enum IncidentEngineKind
{
    /// <summary>The Durable Task Framework on Azure Storage: the engine Durable Functions runs on.</summary>
    Dtfx,

    /// <summary>The embedded scheduler (outbox, wake-ups, lease), until it is deleted.</summary>
    Scheduler,
}

public static class EngineServiceCollectionExtensions
{
    public const string Setting = "IncidentFlows:Engine";

    public static IncidentEngineKind EngineKind(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } value
            ? Enum.Parse<IncidentEngineKind>(value, ignoreCase: true)
            : IncidentEngineKind.Dtfx;

    /// <summary>The engine the settings name; call after AddIncidentFlows.</summary>
    public static IServiceCollection AddIncidentEngine(this IServiceCollection services, IConfiguration configuration) =>
        EngineKind(configuration) switch
        {
            IncidentEngineKind.Dtfx => services.AddDurableTaskEngine(configuration),
            _ => services.AddIncidentScheduler(configuration),
        };

    /// <summary>
    /// Every incident an orchestration on the Durable Task Framework; the API, the bot and the alerts send
    /// commands the way the Functions host does (<see cref="DurableIncidentCommands"/>).
    /// </summary>
    public static IServiceCollection AddDurableTaskEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        services.AddSingleton<IncidentActivities>();
        services.AddSingleton<IncidentResumer>();
        services.AddSingleton<IncidentEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentEngine>());
        services.AddSingleton<IIncidentInstances, TaskHubInstances>();
        services.Replace(ServiceDescriptor.Singleton<IIncidentCommands>(sp => new DurableIncidentCommands(
            sp.GetRequiredService<IncidentRepository>(),
            sp.GetRequiredService<ITeamContextSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IIncidentInstances>(),
            sp.GetRequiredService<App.Platform.Telemetry.IncidentTelemetry>())));
        services.AddSingleton<ISweepLeadership, EveryServerSweeps>();
        services.AddHostedService<SweepScheduler>();
        return services;
    }

    /// <summary>The engine has no leader; every server runs the calendar sweeps (one server per team today).</summary>
    private sealed class EveryServerSweeps : ISweepLeadership
    {
        public bool IsLeader => true;
    }
}
