using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace IncidentFlows.App.Teams.WarRooms;

/// <summary>
/// What the bot does with war-room activity nobody addressed to it (it receives every message of the channel
/// through the RSC permission <c>ChannelMessage.Read.Group</c>): pins by 📌 reaction, by the message action
/// "Add to incident timeline" and by a <c>pin</c> reply; links to known tools go on the timeline by themselves;
/// everyone who writes is recorded once as a participant (what they wrote is not copied). Activity from any other
/// channel is ignored, so a team's ordinary channels are never read.
/// </summary>
public sealed partial class WarRoomCapture(
    ConversationBook book,
    IIncidentCommands commands,
    IChannelMessages messages,
    IncidentRepository incidents,
    ITeamContextSource team,
    TeamsPeople people,
    ILogger<WarRoomCapture> log)
{
    /// <summary>The message action's command id (manifest <c>composeExtensions[].commands[].id</c>).</summary>
    public const string AddToTimeline = "addToTimeline";

    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>Reaction types Teams uses for 📌 (the emoji's code point name, and the character itself).</summary>
    private static readonly string[] PinReactions = ["pushpin", "1f4cc_pushpin", "📌"];

    /// <summary>The incident whose war room the activity's channel is; null for any other channel or chat.</summary>
    public async Task<IncidentId?> IncidentOfAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channel = ChannelOf(activity);
        return channel is not null && await book.IncidentOfChannelAsync(channel, ct) is { } id ? new IncidentId(id) : null;
    }

    /// <summary>
    /// A war-room message not addressed to the bot: a bare <c>pin</c> reply pins the thread's first message; its
    /// known links are shared on the timeline; its author is a participant. Only what is new becomes a command.
    /// </summary>
    public async Task OnMessageAsync(Activity message, IncidentId incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsPinCommand(Mentions.StripBot(message)) && ThreadRoot(message) is { } root)
        {
            await PinReadAsync(message, incident, root, ct);
            return;
        }

        if ((await incidents.LoadAsync(incident, ct)).State is not { } state)
        {
            return;
        }

        var author = Actor(message);
        if (!state.WarRoomWriters.Any(p => p.Id == author.Id))
        {
            await RunAsync(incident, new IncidentCommand.NoteWarRoomWriter(author), ct);
        }

        var posted = message.Timestamp is { } sent ? Instant.FromDateTimeOffset(sent) : (Instant?)null;
        foreach (var link in Domain.Learning.LinkClassifier.Find(WebUtility.HtmlDecode(message.Text), team.Current.Links).Where(l => !state.SharedLinks.Contains(l.Url)))
        {
            await RunAsync(incident, new IncidentCommand.ShareLink(link.Url, link.Kind, link.Title, author) { PostedAt = posted, MessageRef = message.Id }, ct);
        }
    }

    /// <summary>The <c>pin</c> command (bare or @mentioned) replying in a thread: pins the thread's first message.</summary>
    public async Task<string> PinThreadAsync(Activity message, IncidentId incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ThreadRoot(message) is { } root
            ? await PinReadAsync(message, incident, root, ct)
            : "Reply with \"pin\" to the message you want on the timeline, or react to it with 📌.";
    }

    /// <summary>📌 added pins the message, 📌 removed un-pins it; other reactions change nothing.</summary>
    public async Task OnReactionAsync(Activity reaction, IncidentId incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        if (reaction.ReplyToId is not { Length: > 0 } messageId)
        {
            return;
        }

        var by = Actor(reaction);
        if (IsPin(reaction.ReactionsAdded))
        {
            await PinReadAsync(reaction, incident, messageId, ct);
        }
        else if (IsPin(reaction.ReactionsRemoved))
        {
            await RunAsync(incident, new IncidentCommand.UnpinMessage(messageId, by), ct);
        }
    }

    /// <summary>"Add to incident timeline" on a message: the invoke carries the message itself (<c>messagePayload</c>).</summary>
    public async Task<string> OnSubmitActionAsync(Activity invoke, IncidentId? incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        if (incident is not { } id)
        {
            return "This channel is not an incident's war room: only war-room messages go on a timeline.";
        }

        if (Text(invoke.Value?["commandId"]) is { } command && command != AddToTimeline)
        {
            return $"IncidentFlows has no message action \"{command}\".";
        }

        if (invoke.Value?["messagePayload"] is not JsonObject payload || Text(payload["id"]) is not { } messageId)
        {
            return "Teams sent no message to pin.";
        }

        var user = payload["from"]?["user"];
        var author = Text(user?["id"]) is { } authorId ? people.From(new ChannelAccount(authorId, Text(user?["displayName"]), authorId)) : null;
        var posted = Text(payload["createdDateTime"]) is { } created && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Instant.FromDateTimeOffset(at) : (Instant?)null;
        var message = new PostedMessage(messageId, author ?? Actor(invoke), posted, MessageText.Plain(Text(payload["body"]?["content"])), Text(payload["linkToMessage"]));
        return await PinAsync(id, message, Actor(invoke), ct);
    }

    private async Task<string> PinReadAsync(Activity activity, IncidentId incident, string messageId, CancellationToken ct)
    {
        var channel = ChannelOf(activity)!;
        var message = await messages.GetAsync(channel, messageId, ThreadRoot(activity), ct);
        if (message is null)
        {
            LogUnreadable(incident.Value, messageId);
            return "I could not read that message, so it is not on the timeline.";
        }

        return await PinAsync(incident, message, Actor(activity), ct);
    }

    private async Task<string> PinAsync(IncidentId incident, PostedMessage message, Person by, CancellationToken ct)
    {
        var text = message.Text.Length > 0 ? message.Text : "(a message without text)";
        var pin = new IncidentCommand.PinMessage(message.Id, text, by) { Author = message.Author, PostedAt = message.PostedAt, Link = message.Link };
        return await RunAsync(incident, pin, ct) ?? $"📌 Added to {incident}'s timeline.";
    }

    /// <summary>Runs the command; the refusal's sentence, or null when it was accepted.</summary>
    private async Task<string?> RunAsync(IncidentId incident, IncidentCommand command, CancellationToken ct)
    {
        var result = await commands.HandleAsync(incident, command, ct);
        return result.Decision.Error?.Message;
    }

    private Person Actor(Activity activity) => people.From(activity.From ?? new ChannelAccount("unknown"));

    private static bool IsPin(IReadOnlyList<MessageReaction>? reactions) =>
        reactions?.Any(r => PinReactions.Contains(r.Type, StringComparer.OrdinalIgnoreCase)) == true;

    private static bool IsPinCommand(string text) => text.Equals("pin", StringComparison.OrdinalIgnoreCase);

    private static string? ChannelOf(Activity activity) =>
        activity.TeamsChannelId() ?? (activity.Conversation is { } c ? ConversationRecorder.BaseConversationId(c.Id) : null);

    /// <summary>The first message of the thread a channel activity is in (<c>19:…@thread.tacv2;messageid=…</c>).</summary>
    private static string? ThreadRoot(Activity activity)
    {
        const string Marker = ";messageid=";
        var id = activity.Conversation?.Id ?? "";
        var at = id.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : id[(at + Marker.Length)..] is { Length: > 0 } root ? root : null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read message {MessageId} of {Incident}'s war room through Graph; not pinned")]
    private partial void LogUnreadable(string incident, string messageId);
}
