using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// What the incident decider asks about on-call: a pure function of configuration and time.
/// Implementations must not do I/O; the hosts load the configuration first and pass it in.
/// </summary>
public interface IOnCallDirectory
{
    /// <summary>The escalation plan for a service, or the team's default when the service is null or unknown.</summary>
    EscalationPlan? PlanFor(string? service);

    /// <summary>Who level <paramref name="level"/> (0-based) of a policy pages at <paramref name="at"/>; empty is a coverage gap.</summary>
    IReadOnlyList<Responder> RespondersAt(string policyId, int level, Instant at);
}
