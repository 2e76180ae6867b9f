using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.App.Web;

/// <summary>Everything the incident homepage shows, read from the incident's state and its stored events.</summary>
public sealed record IncidentPageModel(
    Incident Incident,
    IReadOnlyList<IncidentEvent> History,
    Timeline Timeline,
    Service? Service,
    Instant Now,
    string? Message)
{
    /// <summary>The most recent status update, if one was posted.</summary>
    public IncidentEvent.UpdatePosted? LatestUpdate => History.OfType<IncidentEvent.UpdatePosted>().LastOrDefault();

    /// <summary>The escalation as it happened: pages and their outcomes, unreachable levels, gaps, exhaustion and the acknowledgement, in order.</summary>
    public IReadOnlyList<IncidentEvent> Escalation => [.. History.Where(e => e is IncidentEvent.Paged or IncidentEvent.CoverageGapFound
        or IncidentEvent.EscalationExhausted or IncidentEvent.NoEscalationPolicy or IncidentEvent.Acknowledged
        or IncidentEvent.PageDelivered or IncidentEvent.PageUndeliverable or IncidentEvent.LevelUnreachable)];

    /// <summary>The key times people ask for, with the ones not reached yet left out.</summary>
    public IReadOnlyList<(string Name, Instant At)> KeyTimes
    {
        get
        {
            var t = Incident.Times;
            var all = new (string, Instant?)[]
            {
                ("Detected", t.Detected), ("Reported", t.Reported), ("Acknowledged", t.Acknowledged), ("First responder joined", t.FirstJoined),
                ("Identified", t.Identified), ("Mitigated", t.Mitigated), ("Resolved", t.Resolved), ("Closed", t.Closed),
                ("Postmortem reviewed", t.PostmortemReviewed), ("Last action item done", t.ActionItemsDone),
            };
            return [.. all.Where(k => k.Item2 is not null).Select(k => (k.Item1, k.Item2!.Value))];
        }
    }
}
