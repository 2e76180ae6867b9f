using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// A partial change to an action item, as a PATCH or a Teams message ("action 2 done") expresses it:
/// null leaves a field as it is; <see cref="Unassign"/> and <see cref="ClearDue"/> clear what null
/// cannot. The App layer applies it to the current details and sends <c>UpdateActionItem</c> with the
/// result, so the event always carries the whole item.
/// </summary>
public sealed record ActionItemChange(
    string? Title = null,
    Importance? Importance = null,
    Urgency? Urgency = null,
    ActionItemSize? Size = null,
    ActionItemStatus? Status = null,
    Person? Assignee = null,
    Confidence? AssigneeConfidence = null,
    LocalDate? Due = null,
    bool Unassign = false,
    bool ClearDue = false)
{
    public ActionItemDetails ApplyTo(ActionItemDetails current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var assignee = Unassign ? null : Assignee ?? current.Assignee;
        var sameAssignee = assignee?.Id == current.Assignee?.Id;
        return new ActionItemDetails(
            Title ?? current.Title,
            Importance ?? current.Importance,
            Urgency ?? current.Urgency,
            Size ?? current.Size,
            Status ?? current.Status,
            assignee,
            // A new assignee has not said how confident they are; the previous one's confidence is not theirs.
            assignee is null ? null : AssigneeConfidence ?? (sameAssignee ? current.AssigneeConfidence : null),
            ClearDue ? null : Due ?? current.Due);
    }
}
