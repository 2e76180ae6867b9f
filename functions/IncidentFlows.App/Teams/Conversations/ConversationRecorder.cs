using IncidentFlows.App.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Teams.Conversations;

/// <summary>
/// Learns where the bot can post from what Teams sends: installationUpdate / conversationUpdate in a
/// team (the team, its channels, members added), and any message (its channel, or the sender's 1:1
/// chat). Later activities overwrite (the newest serviceUrl is the right one), except that the team
/// reference, where announcements and war rooms go, is pinned to the incidents team: see <see cref="IsIncidentsTeam"/>.
/// </summary>
public sealed class ConversationRecorder(ConversationBook book, IOptions<TeamsOptions> options)
{
    public async Task RecordAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation is not { } conversation)
        {
            return;
        }

        var tenant = activity.TenantId();
        var bot = activity.Recipient?.Id;
        if (activity.TeamId() is { } teamId)
        {
            var stored = await book.TeamAsync(ct);
            if (IsIncidentsTeam(activity, teamId, stored))
            {
                await book.SaveTeamAsync(new ConversationReference(serviceUrl, teamId, tenant, bot, TeamGroupId: activity.TeamGroupId() ?? stored?.TeamGroupId), ct);
            }

            var channelId = activity.TeamsChannelId() ?? BaseConversationId(conversation.Id);
            await book.SaveChannelAsync(channelId, new ConversationReference(serviceUrl, channelId, tenant, bot, TeamGroupId: activity.TeamGroupId()), ct);
        }

        if (activity.IsPersonal() && activity.From is { AadObjectId: { Length: > 0 } aad } user)
        {
            await book.SaveUserAsync(aad, new ConversationReference(serviceUrl, conversation.Id, tenant, bot, user.Id, user.Name), ct);
        }

        foreach (var member in activity.MembersAdded ?? [])
        {
            if (member.AadObjectId is { Length: > 0 } memberAad && member.Id != bot && await book.UserAsync(memberAad, ct) is null)
            {
                // No 1:1 chat yet: remember the user's id so a page can create one.
                await book.SaveUserAsync(memberAad, new ConversationReference(serviceUrl, "", tenant, bot, member.Id, member.Name), ct);
            }
        }
    }

    /// <summary>
    /// The configured incidents team (its Entra group id, or the team of the configured announcements
    /// channel) or, with neither configured, the first team the app was installed in; afterwards only
    /// the same team refreshes the reference. A message from any other team never redirects announcements.
    /// </summary>
    private bool IsIncidentsTeam(Activity activity, string teamId, ConversationReference? stored)
    {
        var teams = options.Value;
        var sameAsStored = stored is not null && string.Equals(stored.ConversationId, teamId, StringComparison.OrdinalIgnoreCase);
        if (teams.IncidentsTeamGroupId is { Length: > 0 } groupId)
        {
            return activity.TeamGroupId() is { } group
                ? string.Equals(group, groupId, StringComparison.OrdinalIgnoreCase)
                : sameAsStored && string.Equals(stored!.TeamGroupId, groupId, StringComparison.OrdinalIgnoreCase);
        }

        if (teams.IncidentsChannelId is { Length: > 0 } channelId)
        {
            return sameAsStored || string.Equals(activity.TeamsChannelId(), channelId, StringComparison.OrdinalIgnoreCase);
        }

        return stored is null || sameAsStored;
    }

    /// <summary>A channel thread's conversation id is <c>{channel id};messageid={root}</c>.</summary>
    public static string BaseConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var semicolon = conversationId.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? conversationId : conversationId[..semicolon];
    }
}
