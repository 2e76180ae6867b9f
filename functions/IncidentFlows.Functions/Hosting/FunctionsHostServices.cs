using IncidentFlows.App.Alerts;
using IncidentFlows.App.Api;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Web;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
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
        // OpenTelemetry, not the Application Insights SDK (docs/adr/0016-opentelemetry.md); host.json's
        // telemetryMode makes the Functions host itself speak OpenTelemetry too.
        services.AddIncidentFlowsTelemetry(configuration, "IncidentFlows.Functions").UseFunctionsWorkerDefaults();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddProblemDetails();
        services.AddIncidentFlows(configuration);
        services.AddIncidentFlowsDurable();
        services.AddAlerts(configuration);
        services.AddWeb(configuration);
        return services;
    }
}
