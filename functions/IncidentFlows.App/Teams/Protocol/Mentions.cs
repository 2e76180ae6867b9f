using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>An @mention in a message: who, and the <c>&lt;at&gt;…&lt;/at&gt;</c> text that stands for them.</summary>
public sealed record Mention(string Id, string Name, string Text);

/// <summary>Reads mention entities and strips the bot's own mention from the text.</summary>
public static partial class Mentions
{
    public static IReadOnlyList<Mention> Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. (activity.Entities ?? [])
            .Where(e => (string?)e["type"] == "mention" && e["mentioned"]?["id"] is JsonValue)
            .Select(e => new Mention((string)e["mentioned"]!["id"]!, (string?)e["mentioned"]!["name"] ?? "", (string?)e["text"] ?? ""))];
    }

    /// <summary>
    /// The text without the bot's mention (and without HTML Teams may wrap around it), whitespace
    /// collapsed. Other people's mentions stay, as <c>&lt;at&gt;Name&lt;/at&gt;</c>.
    /// </summary>
    public static string StripBot(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var mention in Of(activity).Where(m => m.Id == botId && m.Text.Length > 0))
        {
            text = text.Replace(mention.Text, " ", StringComparison.Ordinal);
        }

        if (botId is null || !Of(activity).Any(m => m.Id == botId))
        {
            text = LeadingAt().Replace(text, " "); // a mention without an entity still addresses the bot
        }

        text = Html().Replace(text.Replace("&nbsp;", " ", StringComparison.Ordinal), "");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^\s*<at>[^<]*</at>")]
    private static partial Regex LeadingAt();

    [GeneratedRegex(@"<(?!/?at>)[^>]+>")]
    private static partial Regex Html();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
