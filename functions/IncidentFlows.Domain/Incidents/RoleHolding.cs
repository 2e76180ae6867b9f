using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>Who held a role, from when and (once it ended) until when: the postmortem's role history.</summary>
public sealed record RoleHolding(IncidentRole Role, Person Person, Instant From, Instant? Until = null)
{
    public bool IsCurrent => Until is null;
}
