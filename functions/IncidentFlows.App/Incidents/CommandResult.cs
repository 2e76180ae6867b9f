using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Incidents;

/// <summary>What a command did: the decision and the incident's state after it (null: it does not exist).</summary>
public sealed record CommandResult(Decision Decision, Incident? State);
