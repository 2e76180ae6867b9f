using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Durable;

/// <summary>
/// An incident orchestration's input, carried from turn to turn by ContinueAsNew: the state after
/// the last stored commit, that commit's sequence, and commands to take before waiting again (the
/// first command of a new instance, or what one turn could not take within its bound).
/// </summary>
public sealed record IncidentFlowInput(IncidentId Incident, Incident? State, long Version, IReadOnlyList<IncidentCommand> Pending);

/// <summary>The PersistCommit activity's input: commit <paramref name="Sequence"/> of an incident and the state after it.</summary>
public sealed record CommitRequest(IncidentId Incident, long Sequence, IReadOnlyList<IncidentEvent> Events, Incident State);

/// <summary>The RunEffect activity's input.</summary>
public sealed record EffectRequest(IncidentId Incident, Domain.Incidents.Effects.IncidentEffect Effect);
