using System.Text;
using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>An incident's events as a viewer in <paramref name="Zone"/> reads them, in the order they happened.</summary>
public sealed record Timeline(DateTimeZone Zone, ValueList<TimelineRow> Rows)
{
    public static Timeline Of(IEnumerable<IncidentEvent> events, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(zone);
        return new Timeline(zone, ValueList.From(events.Select((e, i) => Row(i + 1, e, zone))));
    }

    /// <summary>
    /// A Markdown table: time in the viewer's zone (and in UTC too when the zone is another, so people
    /// in different zones can compare notes), kind, who, what; pinned messages marked 📌.
    /// </summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder(64 + (Rows.Count * 96));
        AppendMarkdown(sb);
        return sb.ToString();
    }

    internal void AppendMarkdown(StringBuilder sb)
    {
        var showUtc = Zone.MinOffset != Offset.Zero || Zone.MaxOffset != Offset.Zero; // false only for zones always at UTC
        sb.Append("| Time (").Append(Zone.Id).Append(showUtc ? ") | UTC | Event | Who | What |\n|---|---|---|---|---|\n" : ") | Event | Who | What |\n|---|---|---|---|\n");
        foreach (var row in Rows)
        {
            sb.Append("| ").Append(row.LocalText);
            if (showUtc)
            {
                sb.Append(" | ").Append(LocalTimeText.Format(row.At, DateTimeZone.Utc));
            }

            sb.Append(" | ").Append(row.Kind)
              .Append(" | ").Append(row.Who is null ? "—" : MarkdownText.Inline(row.Who))
              .Append(" | ").Append(row.Pinned ? "📌 " : "").Append(MarkdownText.Inline(row.Text))
              .Append(" |\n");
        }
    }

    private static TimelineRow Row(int sequence, IncidentEvent e, DateTimeZone zone)
    {
        var entry = TimelineEntry.Of(e);
        return new TimelineRow(sequence, e.At, e.At.InZone(zone), LocalTimeText.Format(e.At, zone), entry.Kind, entry.Who, entry.Text, entry.Pinned);
    }
}
