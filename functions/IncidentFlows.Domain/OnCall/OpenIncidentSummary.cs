using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>What a handoff digest needs to know about an open incident (the caller passes them in).</summary>
public sealed record OpenIncidentSummary(string IncidentId, string Title, string Severity, string? ServiceId, Instant DeclaredAt);
