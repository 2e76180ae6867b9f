using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// Where escalation stands: the plan captured when it started, the level and repeat round last
/// tried, and the deadline by which someone must acknowledge (none once exhausted).
/// </summary>
public sealed record EscalationState(EscalationPlan Plan, int Level, int Round, Instant? AckDeadline, bool Exhausted)
{
    /// <summary>The number of the Paged event of the current position (0 while none is paged). Init properties so older snapshots still bind.</summary>
    public long PagedEvent { get; init; }

    /// <summary>Who the current position paged.</summary>
    public ValueList<Responder> Responders { get; init; } = ValueList<Responder>.Empty;

    /// <summary>Person ids of the current position's page that were reported undeliverable.</summary>
    public ValueList<string> Unreachable { get; init; } = ValueList<string>.Empty;

    /// <summary>True when the current position paged somebody and nobody of them can be reached.</summary>
    public bool NobodyReachable => Responders.Count > 0 && Responders.All(r => Unreachable.Contains(r.PersonId));

    public static EscalationState Start(EscalationPlan plan) => new(plan, Level: -1, Round: 0, AckDeadline: null, Exhausted: false);
}
