using System.Text;
using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>An incident's events as a viewer in <paramref name="Zone"/> reads them, in the order they happened.</summary>
public sealed record Timeline(DateTimeZone Zone, ValueList<TimelineRow> Rows)
{
    /// <summary>
    /// Rows in the order things happened: a pinned message sits at the time it was posted, not when it was pinned
    /// (a stable sort, so events at the same instant keep their order). A message pinned and later un-pinned
    /// is not on the timeline at all, and neither is the un-pinning.
    /// </summary>
    public static Timeline Of(IEnumerable<IncidentEvent> events, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(zone);
        var numbered = events.Select((e, i) => (Sequence: i + 1, Event: e)).ToList();
        var unpinned = new HashSet<int>();
        foreach (var (sequence, e) in numbered)
        {
            if (e is IncidentEvent.MessageUnpinned off)
            {
                unpinned.Add(sequence);
                var pin = numbered.LastOrDefault(x => x.Sequence < sequence && !unpinned.Contains(x.Sequence)
                    && x.Event is IncidentEvent.MessagePinned p && p.MessageRef == off.MessageRef);
                if (pin.Event is not null)
                {
                    unpinned.Add(pin.Sequence);
                }
            }
        }

        var rows = numbered.Where(x => !unpinned.Contains(x.Sequence) && x.Event is not (IncidentEvent.WroteInWarRoom or IncidentEvent.WarRoomMembersRecorded)) // who took part or looked on, not news

            .Select(x => Row(x.Sequence, x.Event, zone))
            .OrderBy(r => r.At); // LINQ's OrderBy is stable
        return new Timeline(zone, ValueList.From(rows));
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
        var at = e switch
        {
            IncidentEvent.MessagePinned pinned => pinned.PostedAt ?? e.At,
            IncidentEvent.LinkShared shared => shared.PostedAt ?? e.At, // when it was shared, not when the bot saw it
            _ => e.At,
        };
        return new TimelineRow(sequence, at, at.InZone(zone), LocalTimeText.Format(at, zone), entry.Kind, entry.Who, entry.Text, entry.Pinned);
    }
}
