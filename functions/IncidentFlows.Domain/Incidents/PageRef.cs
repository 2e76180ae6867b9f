using IncidentFlows.Domain.OnCall;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// One page to one person: the number of the <see cref="IncidentEvent.Paged"/> event in the incident's
/// history (unique, unlike the level and round, which repeat after a reopen), its level and round, and who.
/// </summary>
public sealed record PageRef(long PagedEvent, int Level, int Round, Responder To)
{
    /// <summary>Identifies this page's outcome: one outcome per person per page.</summary>
    public string Key => $"{PagedEvent}:{To.PersonId}";
}
