using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>Learning after the incident: the postmortem's review ends the time to learn (docs/metrics.md).</summary>
internal static class Reviewing
{
    public static Decision MarkPostmortemReviewed(IncidentCommand.MarkPostmortemReviewed c, Incident s, DecisionContext ctx)
    {
        if (Texts.RequirePerson(c.By, "by") is { } error)
        {
            return error;
        }

        if (s.Times.PostmortemReviewed is not null)
        {
            return Decision.Nothing; // reviewed already: a retry, or a second person pressing the button
        }

        return s.Status is IncidentStatus.Resolved or IncidentStatus.Closed
            ? Decision.Accept(new E.PostmortemReviewed(c.By) { At = ctx.Now })
            : Decision.Reject("incident.not_resolved", $"{s.Id} is {s.Status.Display()}; its postmortem is reviewed once it is resolved.");
    }
}
