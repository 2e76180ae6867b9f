using IncidentFlows.App.Platform.Telemetry;
using Microsoft.Extensions.Configuration;

namespace IncidentFlows.App.Tests.Platform.Telemetry;

public class TelemetryExportSpecs
{
    private static TelemetryExport From(params (string Key, string? Value)[] settings) =>
        TelemetryExport.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build());

    [Fact]
    public void Nothing_is_exported_when_neither_a_collector_nor_Application_Insights_is_configured()
    {
        var export = From((TelemetryExport.OtlpEndpoint, " "), (TelemetryExport.ConnectionString, ""));

        Assert.False(export.Any);
    }

    [Fact]
    public void An_OTLP_endpoint_sends_telemetry_to_that_collector()
    {
        var export = From((TelemetryExport.OtlpEndpoint, "http://collector:4317"));

        Assert.True(export.Otlp);
        Assert.False(export.AzureMonitor);
    }

    [Fact]
    public void In_Azure_the_connection_string_and_the_identity_from_the_authentication_string_send_to_Application_Insights()
    {
        var export = From(
            (TelemetryExport.ConnectionString, "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"),
            (TelemetryExport.AuthenticationString, "ClientId=8f1c0b7e-1111-2222-3333-444455556666;Authorization=AAD"));

        Assert.True(export.AzureMonitor);
        Assert.False(export.Otlp);
        Assert.Equal("8f1c0b7e-1111-2222-3333-444455556666", export.AzureMonitorClientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Authorization=AAD")]
    [InlineData("ClientId=8f1c0b7e-1111-2222-3333-444455556666")]
    [InlineData("ClientId=8f1c0b7e-1111-2222-3333-444455556666;Authorization=Key")]
    public void Without_an_Entra_ID_authentication_string_no_identity_is_used(string? authentication)
    {
        var export = From((TelemetryExport.ConnectionString, "InstrumentationKey=00000000-0000-0000-0000-000000000001"), (TelemetryExport.AuthenticationString, authentication));

        Assert.True(export.AzureMonitor);
        Assert.Null(export.AzureMonitorClientId);
    }

    [Fact]
    public void A_collector_and_Application_Insights_can_both_receive_it()
    {
        var export = From((TelemetryExport.OtlpEndpoint, "http://collector:4318"), (TelemetryExport.ConnectionString, "InstrumentationKey=00000000-0000-0000-0000-000000000001"));

        Assert.True(export.Otlp);
        Assert.True(export.AzureMonitor);
    }
}
