using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>A moment the on-call set changes: who goes off and who comes on (either may be empty at a gap).</summary>
public sealed record Handoff(Instant At, IReadOnlyList<string> GoingOff, IReadOnlyList<string> ComingOn);
