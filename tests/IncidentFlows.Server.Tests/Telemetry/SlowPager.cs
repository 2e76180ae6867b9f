using IncidentFlows.App.Effects;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using Microsoft.Extensions.Time.Testing;

namespace IncidentFlows.Server.Tests.Telemetry;

/// <summary>The console effects, with every page taking <paramref name="delay"/> of the test's clock to deliver.</summary>
internal sealed class SlowPager(IEffectRunner inner, FakeTimeProvider clock, TimeSpan delay) : IEffectRunner
{
    public Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
    {
        if (effect is IncidentEffect.Page)
        {
            clock.Advance(delay);
        }

        return inner.RunAsync(effect, incident, ct);
    }
}
