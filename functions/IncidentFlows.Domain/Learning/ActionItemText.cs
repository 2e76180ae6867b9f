using IncidentFlows.Domain.Incidents;
using NodaTime.Text;

namespace IncidentFlows.Domain.Learning;

/// <summary>How action items read in timelines and postmortems.</summary>
public static class ActionItemText
{
    public static string Summary(ActionItemDetails item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var assignee = Assignee(item);
        var due = item.Due is null ? "" : $", due {Due(item)}";
        return $"{item.Title} ({item.Priority}, {item.Status.Display()}{(assignee.Length > 0 ? ", " + assignee : "")}{due})";
    }

    /// <summary>"Carol (medium confidence)", "Carol", or empty.</summary>
    public static string Assignee(ActionItemDetails item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Assignee is null ? ""
            : item.AssigneeConfidence is { } confidence ? $"{item.Assignee.Name} ({Lower(confidence)} confidence)"
            : item.Assignee.Name;
    }

    public static string Due(ActionItemDetails item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Due is { } due ? LocalDatePattern.Iso.Format(due) : "";
    }

    public static string Size(ActionItemSize size) => size switch
    {
        ActionItemSize.Hours => "hours",
        ActionItemSize.Days => "days",
        ActionItemSize.Weeks => "weeks",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    public static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
