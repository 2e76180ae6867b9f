namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// The allowed status changes, written down once:
/// <code>
/// Triage        → Investigating | Identified | Monitoring | Resolved | Declined
/// Investigating → Identified | Monitoring | Resolved
/// Identified    → Investigating | Monitoring | Resolved
/// Monitoring    → Investigating | Identified | Resolved
/// Resolved      → Closed
/// Resolved | Closed | Declined → Investigating   (only through Reopen)
/// </code>
/// </summary>
public static class StatusTransitions
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Allowed = new()
    {
        [IncidentStatus.Triage] = [IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring, IncidentStatus.Resolved, IncidentStatus.Declined],
        [IncidentStatus.Investigating] = [IncidentStatus.Identified, IncidentStatus.Monitoring, IncidentStatus.Resolved],
        [IncidentStatus.Identified] = [IncidentStatus.Investigating, IncidentStatus.Monitoring, IncidentStatus.Resolved],
        [IncidentStatus.Monitoring] = [IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Resolved],
        [IncidentStatus.Resolved] = [IncidentStatus.Closed],
        [IncidentStatus.Closed] = [],
        [IncidentStatus.Declined] = [],
    };

    public static bool IsAllowed(IncidentStatus from, IncidentStatus to) => Allowed[from].Contains(to);

    public static bool CanReopen(IncidentStatus from) =>
        from is IncidentStatus.Resolved or IncidentStatus.Closed or IncidentStatus.Declined;

    /// <summary>Why a move is refused, in words a person understands.</summary>
    public static string Explain(IncidentId id, IncidentStatus from, IncidentStatus to) => (from, to) switch
    {
        (IncidentStatus.Closed, _) => $"{id} is closed; reopen it first.",
        (IncidentStatus.Declined, _) => $"{id} was declined; reopen it first.",
        (IncidentStatus.Resolved, _) => $"{id} is resolved; reopen it to change its status, or close it.",
        (_, IncidentStatus.Closed) => $"{id} is {from.Display()}; resolve it before closing it.",
        (_, IncidentStatus.Declined) => $"{id} can only be declined while in triage.",
        (_, IncidentStatus.Triage) => $"{id} has left triage and cannot go back to it.",
        _ => $"{id} cannot go from {from.Display()} to {to.Display()}.",
    };
}
