using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>
/// Paging through an escalation plan. A level pages whoever the on-call directory says is on call
/// at that moment; a level with nobody on call is recorded as a coverage gap and skipped at once,
/// so an unacknowledged incident is never silently dropped. Positions run level by level, then
/// round by round from the plan's repeat-from level, and stop after the last repeat.
/// </summary>
internal static class Escalation
{
    private readonly record struct Position(int Level, int Round);

    public static IReadOnlyList<IncidentEvent> Start(string? service, SeverityPolicy policy, DecisionContext ctx)
    {
        if (ctx.OnCall.PlanFor(service) is not { Levels: > 0 } plan)
        {
            return [new E.NoEscalationPolicy(service) { At = ctx.Now }];
        }

        return [new E.EscalationStarted(plan) { At = ctx.Now }, .. PageFrom(new Position(0, 0), plan, policy, ctx)];
    }

    /// <summary>The timer fired: if nobody acknowledged by the deadline, page the next position.</summary>
    public static Decision Escalate(Incident s, DecisionContext ctx)
    {
        if (!s.Status.IsOpen() || s.IsAcknowledged
            || s.Escalation is not { Exhausted: false, AckDeadline: { } deadline } escalation
            || ctx.Now < deadline)
        {
            return Decision.Nothing; // early, repeated, or no longer needed
        }

        var next = Next(escalation.Plan, new Position(escalation.Level, escalation.Round));
        return Decision.Accept(next is { } position
            ? PageFrom(position, escalation.Plan, s.Policy, ctx)
            : [new E.EscalationExhausted(escalation.Round + 1) { At = ctx.Now }]);
    }

    /// <summary>
    /// After a page was reported undeliverable: when nobody the current position paged can be reached and
    /// nobody acknowledged, say so and page the next level of the round now. A new round, or the end of
    /// escalation, still waits for the acknowledgement timeout: when Teams itself fails (an outage makes
    /// every page undeliverable), the rounds keep their pace instead of being used up in a second, and the
    /// next round pages again once Teams may be back.
    /// </summary>
    public static IReadOnlyList<IncidentEvent> PastUnreachableLevel(Incident s, DecisionContext ctx)
    {
        if (!s.Status.IsOpen() || s.IsAcknowledged
            || s.Escalation is not { Exhausted: false, AckDeadline: not null, NobodyReachable: true } escalation)
        {
            return [];
        }

        return Next(escalation.Plan, new Position(escalation.Level, escalation.Round)) is { } next && next.Round == escalation.Round
            ? [new E.LevelUnreachable(escalation.Level, escalation.Round) { At = ctx.Now }, .. PageFrom(next, escalation.Plan, s.Policy, ctx)]
            : [new E.LevelUnreachable(escalation.Level, escalation.Round) { At = ctx.Now, WaitsForTimeout = true }];
    }

    private static List<IncidentEvent> PageFrom(Position start, EscalationPlan plan, SeverityPolicy policy, DecisionContext ctx)
    {
        var events = new List<IncidentEvent>();
        for (Position? p = start; p is { } at; p = Next(plan, at))
        {
            var responders = ctx.OnCall.RespondersAt(plan.PolicyId, at.Level, ctx.Now);
            if (responders.Count > 0)
            {
                var timeout = Duration.Min(plan.AckTimeouts[at.Level], policy.AckTimeout);
                events.Add(new E.Paged(at.Level, at.Round, ValueList.From(responders), ctx.Now + timeout) { At = ctx.Now });
                return events;
            }

            events.Add(new E.CoverageGapFound(at.Level, at.Round) { At = ctx.Now });
        }

        var rounds = events.OfType<E.CoverageGapFound>().LastOrDefault()?.Round + 1 ?? 1;
        events.Add(new E.EscalationExhausted(rounds) { At = ctx.Now });
        return events;
    }

    private static Position? Next(EscalationPlan plan, Position at) =>
        at.Level + 1 < plan.Levels ? at with { Level = at.Level + 1 }
        : at.Round < plan.RepeatCount ? new Position(Math.Clamp(plan.RepeatFromLevel, 0, plan.Levels - 1), at.Round + 1)
        : null;
}
