using IncidentFlows.App.Effects;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;

namespace IncidentFlows.Server.Tests.Telemetry;

/// <summary>The console effects, with every page taking <paramref name="delay"/> (real time) to deliver.</summary>
internal sealed class SlowPager(IEffectRunner inner, TimeSpan delay) : IEffectRunner
{
    public async Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
    {
        if (effect is IncidentEffect.Page)
        {
            await Task.Delay(delay, ct);
        }

        return await inner.RunAsync(effect, incident, ct);
    }
}
