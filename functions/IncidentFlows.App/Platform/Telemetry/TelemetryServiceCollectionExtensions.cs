using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IncidentFlows.App.Platform.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The incident instruments; AddIncidentFlows registers them, so they exist whether or not anything exports.</summary>
    public static IServiceCollection AddIncidentTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<IncidentTelemetry>();
        return services;
    }

    /// <summary>
    /// OpenTelemetry for a host: our ActivitySource and Meter, ASP.NET Core and HttpClient
    /// instrumentation, and the exporters <see cref="TelemetryExport"/> selects from configuration.
    /// The host adds its own sources to the returned builder (the Functions worker's defaults).
    /// </summary>
    public static IOpenTelemetryBuilder AddIncidentFlowsTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var export = TelemetryExport.From(configuration);
        services.AddIncidentTelemetry();
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(TelemetryNames.Source)
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => http.Request.Path != "/healthz")
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.Source)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (export.Otlp)
        {
            otel.WithLogging().UseOtlpExporter();
        }

        if (export.AzureMonitor)
        {
            if (!export.Otlp)
            {
                otel.WithLogging();
            }

            otel.UseAzureMonitorExporter(azure =>
            {
                azure.ConnectionString = export.AzureMonitorConnectionString;
                if (export.AzureMonitorClientId is { } clientId)
                {
                    azure.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return otel;
    }
}
