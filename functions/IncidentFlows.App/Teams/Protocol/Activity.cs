using System.Text.Json.Nodes;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>
/// The part of the Bot Framework activity schema IncidentFlows reads and writes. Every optional field
/// is nullable and left out of the JSON when null (<see cref="BotJson"/>): the Agents Playground
/// rejects any field sent as <c>null</c>, and Teams ignores absent ones.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Action { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>When the message was sent (UTC), as Teams stamps it.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<JsonObject>? Entities { get; init; }

    public JsonObject? ChannelData { get; init; }

    public JsonNode? Value { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>A <c>messageReaction</c> activity's reactions; <see cref="ReplyToId"/> is the message reacted to.</summary>
    public IReadOnlyList<MessageReaction>? ReactionsAdded { get; init; }

    public IReadOnlyList<MessageReaction>? ReactionsRemoved { get; init; }

    /// <summary>A bot message with text (Markdown) and optionally one Adaptive Card.</summary>
    public static Activity Message(string? text, JsonObject? card = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = text is null ? null : "markdown",
        Attachments = card is null ? null : [Attachment.AdaptiveCard(card)],
    };
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
}

/// <summary>A reaction on a message (<c>like</c>, <c>1f4cc_pushpin</c>, …).</summary>
public sealed record MessageReaction(string Type);

/// <summary>A user or bot in a conversation; Teams adds the Entra object id for users.</summary>
public sealed record ChannelAccount(string Id, string? Name = null, string? AadObjectId = null, string? Role = null);

/// <summary>A personal chat, group chat or channel thread.</summary>
public sealed record ConversationAccount(string Id, string? ConversationType = null, bool? IsGroup = null, string? TenantId = null, string? Name = null);

/// <summary>An attachment; IncidentFlows only sends Adaptive Cards.</summary>
public sealed record Attachment(string ContentType, JsonNode Content)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public static Attachment AdaptiveCard(JsonObject card) => new(AdaptiveCardType, card);
}

/// <summary>The Connector's answer to a send, reply or update.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Creates a 1:1 chat (<see cref="Members"/>) or a new thread in a channel (<see cref="ChannelData"/> with the channel id).</summary>
public sealed record ConversationParameters(
    bool IsGroup,
    ChannelAccount? Bot = null,
    IReadOnlyList<ChannelAccount>? Members = null,
    string? TenantId = null,
    Activity? Activity = null,
    JsonObject? ChannelData = null);

/// <summary>The Connector's answer to a create: the conversation, and the first activity's id when one was posted.</summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId = null, string? ServiceUrl = null);
