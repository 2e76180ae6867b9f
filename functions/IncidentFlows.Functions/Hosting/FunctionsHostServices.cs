using IncidentFlows.App.Alerts;
using IncidentFlows.App.Api;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Functions.Hosting;

/// <summary>
/// The Functions host's composition root, apart from the worker itself: the same App layer as the
/// standalone server (AddIncidentFlows), driven by Durable Functions (AddIncidentFlowsDurable).
/// Program.cs calls it; tests/IncidentFlows.Functions.Tests builds exactly this collection.
/// </summary>
public static class FunctionsHostServices
{
    public static IServiceCollection AddIncidentFlowsFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddProblemDetails();
        services.AddIncidentFlows(configuration);
        services.AddIncidentFlowsDurable();
        services.AddAlerts(configuration);
        services.AddWeb(configuration);
        return services;
    }
}
