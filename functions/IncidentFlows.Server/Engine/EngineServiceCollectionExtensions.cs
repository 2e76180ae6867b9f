using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Sweeps;

namespace IncidentFlows.Server.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Every incident an orchestration on the Durable Task Framework over Azure Storage (the engine Durable
    /// Functions runs on); the API, the bot and the alerts send commands the way the Functions host does
    /// (<see cref="DurableIncidentCommands"/>). Call after AddIncidentFlows.
    /// </summary>
    public static IServiceCollection AddIncidentEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        services.AddSingleton<IncidentActivities>();
        services.AddSingleton<IncidentResumer>();
        services.AddSingleton<IncidentEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentEngine>());
        services.AddSingleton<IIncidentInstances, TaskHubInstances>();
        services.AddSingleton<IIncidentCommands>(sp => new DurableIncidentCommands(
            sp.GetRequiredService<IncidentRepository>(),
            sp.GetRequiredService<ITeamContextSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IIncidentInstances>(),
            sp.GetRequiredService<App.Platform.Telemetry.IncidentTelemetry>()));
        services.AddHostedService<SweepScheduler>();
        return services;
    }
}
