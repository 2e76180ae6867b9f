using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>
/// What the effects report back: a page delivered, a page undeliverable, an effect given up. Each
/// lands on the timeline once (a repeated report decides nothing). When the last person of the level
/// being paged turns out unreachable, escalation moves on at once rather than waiting out the ack timeout.
/// </summary>
internal static class Delivery
{
    public static Decision PageDelivered(IncidentCommand.RecordPageDelivered c, Incident s, DecisionContext ctx) =>
        s.DeliveryOutcomes.Contains(c.Page.Key) ? Decision.Nothing : Decision.Accept(new E.PageDelivered(c.Page) { At = ctx.Now });

    public static Decision PageUndeliverable(IncidentCommand.RecordPageUndeliverable c, Incident s, DecisionContext ctx)
    {
        if (s.DeliveryOutcomes.Contains(c.Page.Key))
        {
            return Decision.Nothing;
        }

        var undeliverable = new E.PageUndeliverable(c.Page, c.Reason, Clip(c.Detail)) { At = ctx.Now };
        var after = IncidentEvolution.Evolve(s, undeliverable);
        return Decision.Accept([undeliverable, .. Escalation.PastUnreachableLevel(after, ctx)]);
    }

    public static Decision EffectAbandoned(IncidentCommand.RecordEffectAbandoned c, Incident s, DecisionContext ctx) =>
        s.DeliveryOutcomes.Contains(IncidentEvolution.AbandonedKey(c.Effect, c.EventNumber))
            ? Decision.Nothing
            : Decision.Accept(new E.EffectAbandoned(c.Effect, c.EventNumber, c.Attempts, Clip(c.Reason) ?? "no reason given") { At = ctx.Now });

    private static string? Clip(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Length <= Limits.DeliveryDetailLength ? text.Trim()
        : text[..Limits.DeliveryDetailLength].TrimEnd() + "…";
}
