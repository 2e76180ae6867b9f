using System.Text.Json.Nodes;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>What Teams puts in <c>channelData</c>, read defensively: every part may be missing.</summary>
public static class TeamsChannelData
{
    /// <summary>The Teams team id (<c>19:…@thread.tacv2</c>) of a channel or team-scoped activity.</summary>
    public static string? TeamId(this Activity activity) =>
        Text(activity.ChannelData?["team"]?["id"]) ?? Text(activity.ChannelData?["teamsTeamId"]);

    /// <summary>The Entra group id of the team, which Graph calls the team id.</summary>
    public static string? TeamGroupId(this Activity activity) => Text(activity.ChannelData?["team"]?["aadGroupId"]);

    public static string? TeamName(this Activity activity) => Text(activity.ChannelData?["team"]?["name"]);

    /// <summary>The channel the activity happened in (the General channel's id equals the team id).</summary>
    public static string? TeamsChannelId(this Activity activity) =>
        Text(activity.ChannelData?["channel"]?["id"]) ?? Text(activity.ChannelData?["teamsChannelId"])
        ?? Text(activity.ChannelData?["settings"]?["selectedChannel"]?["id"]);

    public static string? TenantId(this Activity activity) =>
        Text(activity.ChannelData?["tenant"]?["id"]) ?? activity.Conversation?.TenantId;

    public static string? EventType(this Activity activity) => Text(activity.ChannelData?["eventType"]);

    public static bool IsPersonal(this Activity activity) => activity.Conversation?.ConversationType == "personal";

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
