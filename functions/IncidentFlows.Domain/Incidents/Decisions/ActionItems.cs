using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>
/// Follow-ups with the Importance/Size/Urgency matrix. They are taken in any status, closed
/// included: most are written in the postmortem, after the incident is over.
/// </summary>
internal static class ActionItems
{
    public static Decision Add(IncidentCommand.AddActionItem c, Incident s, DecisionContext ctx)
    {
        if ((Validate(c.Item) ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        if (c.Key is not null && s.SeenKeys.Contains(c.Key))
        {
            return Decision.Nothing; // the same delivery again
        }

        return s.ActionItems.Count >= Limits.ActionItemsPerIncident
            ? Decision.Reject("action_item.too_many", $"{s.Id} already has {Limits.ActionItemsPerIncident} action items; finish or merge some first.")
            : Decision.Accept(new E.ActionItemAdded(s.ActionItems.Count + 1, Tidy(c.Item), c.By, c.Key) { At = ctx.Now });
    }

    public static Decision Update(IncidentCommand.UpdateActionItem c, Incident s, DecisionContext ctx)
    {
        if ((Validate(c.Item) ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        if (c.Number < 1 || c.Number > s.ActionItems.Count)
        {
            return new DomainError("action_item.not_found", $"{s.Id} has no action item {c.Number}.", "number");
        }

        var item = Tidy(c.Item);
        return s.ActionItems[c.Number - 1].Details == item
            ? Decision.Nothing // nothing changes: a repeat
            : Decision.Accept(new E.ActionItemUpdated(c.Number, item, c.By) { At = ctx.Now });
    }

    private static DomainError? Validate(ActionItemDetails? item)
    {
        if (item is null)
        {
            return DomainError.Invalid("item", "Say what the action item is: its details are missing.");
        }

        if (string.IsNullOrWhiteSpace(item.Title))
        {
            return DomainError.Invalid("title", "Say in a few words what to do: the title is empty.");
        }

        if (item.Title.Trim().Length > Limits.TitleLength)
        {
            return DomainError.Invalid("title", $"The title is {item.Title.Trim().Length} characters; keep it to {Limits.TitleLength}.");
        }

        return !Enum.IsDefined(item.Importance) ? DomainError.Invalid("importance", "The importance must be low, medium or high.")
            : !Enum.IsDefined(item.Urgency) ? DomainError.Invalid("urgency", "The urgency must be low, medium or high.")
            : !Enum.IsDefined(item.Size) ? DomainError.Invalid("size", "The size must be hours (under a day), days (up to a week) or weeks.")
            : !Enum.IsDefined(item.Status) ? DomainError.Invalid("status", "The status must be backlog, triage, in progress, done or won't do.")
            : item.AssigneeConfidence is { } confidence && !Enum.IsDefined(confidence) ? DomainError.Invalid("confidence", "The confidence must be low, medium or high.")
            : item.Assignee is null && item.AssigneeConfidence is not null ? DomainError.Invalid("confidence", "Only an assignee can be confident: assign the item first.")
            : item.Assignee is not null ? Texts.RequirePerson(item.Assignee, "assignee")
            : null;
    }

    private static ActionItemDetails Tidy(ActionItemDetails item) => item with { Title = item.Title.Trim() };
}
