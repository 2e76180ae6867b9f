using Microsoft.Extensions.Configuration;

namespace IncidentFlows.App.Platform.Telemetry;

/// <summary>
/// Where telemetry goes, read from the standard settings: an OTLP collector when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is
/// set (infra/modules/app-settings.bicep writes it from the monitoring module), both when both are,
/// nowhere otherwise. In Azure, APPLICATIONINSIGHTS_AUTHENTICATION_STRING names the managed identity
/// that sends it (Application Insights there accepts Entra ID only).
/// </summary>
public sealed record TelemetryExport(bool Otlp, string? AzureMonitorConnectionString, string? AzureMonitorClientId)
{
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public bool AzureMonitor => AzureMonitorConnectionString is not null;

    public bool Any => Otlp || AzureMonitor;

    public static TelemetryExport From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration[ConnectionString];
        return new TelemetryExport(
            Otlp: !string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]),
            AzureMonitorConnectionString: string.IsNullOrWhiteSpace(connection) ? null : connection,
            AzureMonitorClientId: EntraClientId(configuration[AuthenticationString]));
    }

    /// <summary>"Authorization=AAD;ClientId=…" (either order): the user-assigned identity's client id; null for anything else.</summary>
    private static string? EntraClientId(string? authentication)
    {
        var parts = (authentication ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var kind) && kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)
            && parts.TryGetValue("ClientId", out var id) && !string.IsNullOrWhiteSpace(id)
            ? id
            : null;
    }
}
