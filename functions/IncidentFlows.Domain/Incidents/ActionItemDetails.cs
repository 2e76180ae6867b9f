using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// What an action item says: the whole of it, so adding and updating carry the same shape and an
/// update repeated with the same details is recognised as a repeat.
/// </summary>
/// <param name="Due">A calendar date in the team's zone; overdue from the start of the next day there.</param>
public sealed record ActionItemDetails(
    string Title,
    Importance Importance,
    Urgency Urgency,
    ActionItemSize Size,
    ActionItemStatus Status = ActionItemStatus.Backlog,
    Person? Assignee = null,
    Confidence? AssigneeConfidence = null,
    LocalDate? Due = null)
{
    public Priority Priority => PriorityMatrix.Of(Importance, Urgency, Size);
}
