namespace IncidentFlows.App.Teams.Conversations;

/// <summary>
/// Where the bot can post without being spoken to first: the Connector's serviceUrl and a
/// conversation (a channel, or a user's 1:1 chat), plus what creating a conversation there needs.
/// </summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? TenantId = null,
    string? BotId = null,
    string? UserId = null,
    string? UserName = null,
    string? TeamGroupId = null);

/// <summary>The war-room channel of an incident, stored so a message in the channel implies the incident.</summary>
public sealed record WarRoomLink(string? IncidentId);
