using IncidentFlows.App.Platform.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace IncidentFlows.App.Tests.Platform.Telemetry;

/// <summary>
/// A real <see cref="IncidentTelemetry"/> on its own meter factory, and collectors that see only that
/// factory's instruments: specs running in parallel never see each other's measurements.
/// </summary>
internal sealed class TelemetryProbe : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddIncidentTelemetry().BuildServiceProvider();

    public IncidentTelemetry Telemetry => _services.GetRequiredService<IncidentTelemetry>();

    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_services.GetRequiredService<IMeterFactory>(), TelemetryNames.Source, instrument);

    public void Dispose() => _services.Dispose();
}
