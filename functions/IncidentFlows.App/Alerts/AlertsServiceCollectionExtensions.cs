using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Alert intake: the four sources, their secrets, and the intake that sends incident commands.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlertSecretOptions>(configuration.GetSection(AlertSecretOptions.Section));
        services.AddSingleton<AlertSecrets>();
        services.AddSingleton<AlertIntake>();
        return services;
    }
}
