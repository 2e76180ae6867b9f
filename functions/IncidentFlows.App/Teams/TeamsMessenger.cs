using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Teams;

/// <summary>Where a posted message lives, so it can be updated in place: stored as <c>{conversation}|{activity}</c>.</summary>
public sealed record MessageRef(string ConversationId, string ActivityId)
{
    public override string ToString() => $"{ConversationId}|{ActivityId}";

    public static MessageRef? Parse(string? text) =>
        text?.Split('|') is [{ Length: > 0 } conversation, { Length: > 0 } activity] ? new MessageRef(conversation, activity) : null;
}

/// <summary>
/// Proactive messages through the Bot Connector: a new thread in a channel, an update in place, a
/// 1:1 message to a user (creating the chat when the bot has none with them yet).
/// </summary>
public sealed class TeamsMessenger(ConnectorClient connector, ConversationBook book, IOptions<TeamsOptions> options)
{
    /// <summary>The announcements channel: configured, else the team's General channel (whose id is the team id).</summary>
    public async Task<string> IncidentsChannelAsync(CancellationToken ct) =>
        options.Value.IncidentsChannelId is { Length: > 0 } configured ? configured
        : (await book.TeamAsync(ct))?.ConversationId
        ?? throw new InvalidOperationException("No incidents channel yet: set IncidentFlows:Teams:IncidentsChannelId or install the app in the team.");

    public async Task<MessageRef> PostToChannelAsync(string channelId, Activity activity, CancellationToken ct)
    {
        var (serviceUrl, team) = await TeamServiceAsync(ct);
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters(
            IsGroup: true,
            Bot: new ChannelAccount(options.Value.AppId!),
            TenantId: team?.TenantId,
            Activity: activity,
            ChannelData: new JsonObject { ["channel"] = new JsonObject { ["id"] = channelId } }), ct);
        return new MessageRef(created.Id, created.ActivityId ?? "");
    }

    public async Task UpdateAsync(MessageRef message, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (serviceUrl, _) = await TeamServiceAsync(ct);
        await connector.UpdateAsync(serviceUrl, message.ConversationId, message.ActivityId, activity, ct);
    }

    /// <summary>Sends a 1:1 message; false when the bot has never seen the user (not installed for them).</summary>
    public async Task<bool> SendToUserAsync(Guid entraObjectId, Activity activity, CancellationToken ct)
    {
        var aad = entraObjectId.ToString();
        var user = await book.UserAsync(aad, ct);
        if (user is null)
        {
            return false;
        }

        if (user.ConversationId.Length == 0)
        {
            var created = await connector.CreateConversationAsync(new Uri(user.ServiceUrl), new ConversationParameters(
                IsGroup: false,
                Bot: new ChannelAccount(options.Value.AppId!),
                Members: [new ChannelAccount(user.UserId ?? aad, AadObjectId: aad)],
                TenantId: user.TenantId), ct);
            user = user with { ConversationId = created.Id };
            await book.SaveUserAsync(aad, user, ct);
        }

        await connector.SendAsync(new Uri(user.ServiceUrl), user.ConversationId, activity, ct);
        return true;
    }

    private async Task<(Uri ServiceUrl, ConversationReference? Team)> TeamServiceAsync(CancellationToken ct)
    {
        var team = await book.TeamAsync(ct);
        return (team is null ? options.Value.DefaultServiceUrl : new Uri(team.ServiceUrl), team);
    }
}
