namespace IncidentFlows.Domain.OnCall;

/// <summary>A person paged by an escalation level, and why ("schedule follow-the-sun, layer London").</summary>
public sealed record Responder(string PersonId, string Name, string Via);
