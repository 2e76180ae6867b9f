using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Protocol;

namespace IncidentFlows.App.Teams.Inbound;

/// <summary>A field of an activity and what is wrong with it.</summary>
public sealed record ActivityProblem(string Field, string Message);

/// <summary>
/// What the bot needs of an activity before it touches anything: a type, where it came from and where
/// to answer, strings of sane length, and for card actions a value of the shape the card sent. The
/// first problem found, or null.
/// </summary>
public static class ActivityValidation
{
    /// <summary>Teams' own limit is about 28 KB per message; a longer text is not from Teams.</summary>
    public const int MaxTextLength = 32 * 1024;

    /// <summary>Ids, names, URLs: Teams' are well under a few hundred characters.</summary>
    public const int MaxFieldLength = 1024;

    public static ActivityProblem? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Required(activity.Type, "type")
            ?? ServiceUrl(activity.ServiceUrl)
            ?? Required(activity.Conversation?.Id, "conversation.id")
            ?? (activity.From is { } from ? Required(from.Id, "from.id") : null)
            ?? (activity.Recipient is { } recipient ? Required(recipient.Id, "recipient.id") : null)
            ?? TooLong(activity)
            ?? Value(activity);
    }

    private static ActivityProblem? Required(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? new(field, $"The activity needs {field}.") : null;

    private static ActivityProblem? ServiceUrl(string? serviceUrl) =>
        Required(serviceUrl, "serviceUrl")
        ?? (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : new("serviceUrl", "The activity's serviceUrl is not an http(s) URL."));

    private static ActivityProblem? TooLong(Activity a)
    {
        if (a.Text is { Length: > MaxTextLength })
        {
            return new("text", $"The text is {a.Text.Length} characters; at most {MaxTextLength} are accepted.");
        }

        (string Field, string? Value)[] fields =
        [
            ("type", a.Type), ("id", a.Id), ("name", a.Name), ("action", a.Action), ("serviceUrl", a.ServiceUrl), ("channelId", a.ChannelId),
            ("replyToId", a.ReplyToId), ("conversation.id", a.Conversation?.Id), ("conversation.tenantId", a.Conversation?.TenantId),
            ("from.id", a.From?.Id), ("from.name", a.From?.Name), ("from.aadObjectId", a.From?.AadObjectId),
            ("recipient.id", a.Recipient?.Id), ("recipient.name", a.Recipient?.Name),
        ];
        var (field, value) = fields.FirstOrDefault(f => f.Value is { Length: > MaxFieldLength });
        return field is null ? null : new(field, $"The activity's {field} is {value!.Length} characters; at most {MaxFieldLength} are accepted.");
    }

    /// <summary>An Action.Execute invoke carries <c>value.action</c> with a string verb and object data; a card submit a string verb, if any.</summary>
    private static ActivityProblem? Value(Activity a)
    {
        if (a.Type == ActivityTypes.Invoke && a.Name == BotActivityHandler.AdaptiveCardAction)
        {
            if (a.Value is not JsonObject value)
            {
                return new("value", "A card action's value must be an object.");
            }

            if (value["action"] is not JsonObject action)
            {
                return new("value.action", "A card action's value needs an action object.");
            }

            return NotText(action["verb"], "value.action.verb")
                ?? (action["data"] is null or JsonObject ? null : new("value.action.data", "A card action's data must be an object."));
        }

        return a.Type == ActivityTypes.Message && a.Value is JsonObject submitted ? NotText(submitted[CardVerbs.VerbKey], "value." + CardVerbs.VerbKey) : null;
    }

    private static ActivityProblem? NotText(JsonNode? node, string field) =>
        node is null || (node is JsonValue v && v.TryGetValue<string>(out _)) ? null : new(field, $"The activity's {field} must be a string.");
}
