using System.Net;
using System.Text.RegularExpressions;

namespace IncidentFlows.App.Teams.WarRooms;

/// <summary>A Teams message body (HTML) as one line of plain text for the timeline, cut at <see cref="MaxLength"/>.</summary>
public static partial class MessageText
{
    public const int MaxLength = 500;

    public static string Plain(string? html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html ?? "", " "));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
