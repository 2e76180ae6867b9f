using System.Text;
using Markdig;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// A postmortem as HTML. Raw HTML is disabled: everything people typed is already escaped as text by
/// <see cref="MarkdownText"/>, and this keeps any markup that slipped through inert.
/// </summary>
public static class PostmortemHtml
{
    private const string TimelinePlaceholder = "IncidentFlowsTimelineTable";
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>
    /// The same HTML as rendering the postmortem's Markdown, but with the timeline table written
    /// directly: Markdig's pipe-table parser makes a 10,000-row timeline take hundreds of milliseconds.
    /// </summary>
    public static string Render(PostmortemInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var html = Render(PostmortemWriter.Markdown(input, TimelinePlaceholder));
        return html.Replace($"<p>{TimelinePlaceholder}</p>\n", TimelineTable(Timeline.Of(input.History, input.Zone)), StringComparison.Ordinal);
    }

    /// <summary>The HTML Markdig writes for <see cref="Timeline.AppendMarkdown"/>'s table, cell by cell.</summary>
    private static string TimelineTable(Timeline timeline)
    {
        var showUtc = timeline.Zone.MinOffset != Offset.Zero || timeline.Zone.MaxOffset != Offset.Zero;
        var sb = new StringBuilder(256 + (timeline.Rows.Count * 160));
        sb.Append("<table>\n<thead>\n<tr>\n");
        Cell(sb, "th", $"Time ({timeline.Zone.Id})");
        if (showUtc)
        {
            Cell(sb, "th", "UTC");
        }

        Cell(sb, "th", "Event");
        Cell(sb, "th", "Who");
        Cell(sb, "th", "What");
        sb.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in timeline.Rows)
        {
            sb.Append("<tr>\n");
            Cell(sb, "td", row.LocalText);
            if (showUtc)
            {
                Cell(sb, "td", LocalTimeText.Format(row.At, DateTimeZone.Utc));
            }

            Cell(sb, "td", row.Kind);
            Cell(sb, "td", row.Who is null ? "—" : OneLine(row.Who));
            Cell(sb, "td", (row.Pinned ? "📌 " : "") + OneLine(row.Text));
            sb.Append("</tr>\n");
        }

        return sb.Append("</tbody>\n</table>\n").ToString();
    }

    private static void Cell(StringBuilder sb, string tag, string text)
    {
        sb.Append('<').Append(tag).Append('>');
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '&' => sb.Append("&amp;"),
                '"' => sb.Append("&quot;"),
                _ => sb.Append(c),
            };
        }

        sb.Append("</").Append(tag).Append(">\n");
    }

    /// <summary>What <see cref="MarkdownText.Inline"/> keeps of people's text once Markdown is rendered: one line, single spaces.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
