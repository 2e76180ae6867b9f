using System.Text;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.Domain.Learning;

/// <summary>The postmortem's action items, most urgent first: by priority, then in the order they were added.</summary>
internal static class ActionItemsTable
{
    public static void Append(StringBuilder sb, IReadOnlyList<ActionItem> items)
    {
        sb.Append("## Action items\n\n");
        if (items.Count == 0)
        {
            sb.Append("_None yet. Add them with `action …` in the war room or through the API; each gets a priority from its importance, urgency and size._\n");
            return;
        }

        sb.Append("| # | Action | Priority | Importance | Urgency | Size | Assignee | Status | Due |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var item in items.OrderBy(i => i.Priority).ThenBy(i => i.Number))
        {
            var d = item.Details;
            sb.Append("| ").Append(item.Number)
              .Append(" | ").Append(MarkdownText.Inline(d.Title))
              .Append(" | ").Append(item.Priority)
              .Append(" | ").Append(ActionItemText.Lower(d.Importance))
              .Append(" | ").Append(ActionItemText.Lower(d.Urgency))
              .Append(" | ").Append(ActionItemText.Size(d.Size))
              .Append(" | ").Append(d.Assignee is null ? "unassigned" : MarkdownText.Inline(ActionItemText.Assignee(d)))
              .Append(" | ").Append(d.Status.Display())
              .Append(" | ").Append(d.Due is null ? "—" : ActionItemText.Due(d))
              .Append(" |\n");
        }
    }
}
