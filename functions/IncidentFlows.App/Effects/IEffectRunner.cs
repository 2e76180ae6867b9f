using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;

namespace IncidentFlows.App.Effects;

/// <summary>
/// Runs one effect against the outside world (Teams, Graph, or the console when Teams is not
/// configured). Must be safe to run again after a crash; returns the command that records its
/// result (a war room, an announcement reference), if any. Throws when it should be retried.
/// </summary>
public interface IEffectRunner
{
    Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct);
}
