using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// Where escalation stands: the plan captured when it started, the level and repeat round last
/// tried, and the deadline by which someone must acknowledge (none once exhausted).
/// </summary>
public sealed record EscalationState(EscalationPlan Plan, int Level, int Round, Instant? AckDeadline, bool Exhausted)
{
    public static EscalationState Start(EscalationPlan plan) => new(plan, Level: -1, Round: 0, AckDeadline: null, Exhausted: false);
}
