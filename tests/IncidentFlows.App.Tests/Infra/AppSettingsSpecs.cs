using System.Reflection;
using IncidentFlows.App.Alerts;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Security;

namespace IncidentFlows.App.Tests.Infra;

/// <summary>
/// The settings Bicep writes are exactly the settings the Functions host reads: the IncidentFlows ones
/// are the options' property paths, and the sample documents every setting either place uses.
/// </summary>
public class AppSettingsSpecs
{
    /// <summary>Read on a developer machine only; in Azure the identity and PUT /api/oncall/configuration replace them.</summary>
    private static readonly string[] DeveloperOnly =
    [
        "IncidentFlows__Storage__ConnectionString",
        "IncidentFlows__Team__ConfigFile",
        "IncidentFlows__DevelopmentMode",
        "IncidentFlows__Teams__WarRoomChannelId",
    ];

    /// <summary>The Microsoft cloud's addresses: right by default in Azure; only tests and the playground change them.</summary>
    private static readonly string[] CloudDefaults =
    [
        "IncidentFlows__Teams__OpenIdMetadataUrl",
        "IncidentFlows__Teams__TokenIssuer",
        "IncidentFlows__Teams__AllowedServiceUrls",
        "IncidentFlows__Teams__GraphBaseUrl",
        "IncidentFlows__Teams__DefaultServiceUrl",
    ];

    private static IReadOnlyList<string> Bicep => InfraFiles.ObjectKeys(InfraFiles.Read("infra", "modules", "app-settings.bicep"), "var settings = {");

    private static IReadOnlyList<string> SampleValues => [.. InfraFiles.Json("local.settings.sample.json").GetProperty("Values").EnumerateObject().Select(p => p.Name)];

    private static IReadOnlyList<string> SampleDocumented => [.. InfraFiles.Json("local.settings.sample.json").GetProperty("Settings").EnumerateObject().Select(p => p.Name)];

    /// <summary>Every setting path the App binds: IncidentFlowsOptions, the API keys (first entry) under IncidentFlows:ApiKeys, and the alert source secrets (first entry) under IncidentFlows:Alerts.</summary>
    private static IReadOnlyList<string> OptionsPaths()
    {
        static IEnumerable<string> Paths(Type type, string prefix) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).SelectMany(p =>
                p.PropertyType == typeof(IList<string>) ? [$"{prefix}__{p.Name}__0"] // a list's first entry
                : p.PropertyType.IsClass && p.PropertyType != typeof(string) && p.PropertyType != typeof(Uri)
                    ? Paths(p.PropertyType, $"{prefix}__{p.Name}")
                    : [$"{prefix}__{p.Name}"]);

        var apiKeys = ApiKeyOptions.Section.Replace(":", "__", StringComparison.Ordinal) + $"__{nameof(ApiKeyOptions.Keys)}__0";
        var alertSecrets = AlertSecretOptions.Section.Replace(":", "__", StringComparison.Ordinal) + $"__{nameof(AlertSecretOptions.Secrets)}__0";
        return [.. Paths(typeof(IncidentFlowsOptions), IncidentFlowsOptions.Section), .. Paths(typeof(ApiKeyEntry), apiKeys), .. Paths(typeof(AlertSecret), alertSecrets)];
    }

    private static IEnumerable<string> IncidentFlows(IEnumerable<string> names) => names.Where(n => n.StartsWith("IncidentFlows__", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    [Fact]
    public void The_options_paths_are_what_the_settings_are_named_after()
    {
        Assert.Contains("IncidentFlows__Storage__TableEndpoint", OptionsPaths());
        Assert.Contains("IncidentFlows__ApiKeys__Keys__0__Sha256", OptionsPaths());
        Assert.Contains("IncidentFlows__Alerts__Secrets__0__Sha256", OptionsPaths());
        Assert.Contains("IncidentFlows__DevelopmentMode", OptionsPaths());
    }

    [Fact]
    public void The_sample_sets_exactly_the_IncidentFlows_settings_the_options_define()
    {
        Assert.Equal(OptionsPaths().Order(StringComparer.Ordinal), IncidentFlows(SampleValues));
    }

    [Fact]
    public void Bicep_writes_every_IncidentFlows_setting_except_the_developer_only_ones()
    {
        Assert.Equal(OptionsPaths().Except(DeveloperOnly).Except(CloudDefaults).Order(StringComparer.Ordinal), IncidentFlows(Bicep));
        Assert.Equal(Bicep.Count, Bicep.Distinct().Count());
    }

    [Fact]
    public void Every_setting_the_sample_sets_or_Bicep_writes_is_documented_in_the_sample_and_nothing_else_is()
    {
        Assert.Equal(SampleValues.Union(Bicep).Order(StringComparer.Ordinal), SampleDocumented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_Azure_storage_and_telemetry_use_the_identity_never_a_key_or_connection_string()
    {
        Assert.Equal(
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "APPLICATIONINSIGHTS_CONNECTION_STRING", "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__credential"],
            Bicep.Where(n => !n.StartsWith("IncidentFlows__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("AzureWebJobsStorage", Bicep);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Bicep); // Flex Consumption sets the runtime in functionAppConfig
        Assert.Contains("ClientId=${identityClientId};Authorization=AAD", InfraFiles.Read("infra", "modules", "app-settings.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bicep_sends_telemetry_to_the_monitoring_module_with_the_settings_the_telemetry_reads_and_no_collector()
    {
        Assert.Contains(TelemetryExport.ConnectionString, Bicep);
        Assert.Contains(TelemetryExport.AuthenticationString, Bicep);
        Assert.DoesNotContain(TelemetryExport.OtlpEndpoint, Bicep);
        Assert.Contains("appInsightsConnectionString: monitoring.outputs.connectionString", InfraFiles.Read("infra", "main.bicep"), StringComparison.Ordinal);
    }
}
