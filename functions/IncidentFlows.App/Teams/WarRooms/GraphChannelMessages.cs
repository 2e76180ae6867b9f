using IncidentFlows.App.Teams.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using NodaTime;

namespace IncidentFlows.App.Teams.WarRooms;

/// <summary>
/// A channel message through Graph (<c>GET /teams/{team}/channels/{channel}/messages/{id}</c>, a reply under
/// <c>…/messages/{root}/replies/{id}</c>), allowed by the RSC permission <c>ChannelMessage.Read.Group</c>.
/// </summary>
public sealed class GraphChannelMessages(GraphServiceClient graph, TeamsGraphTarget target, TeamsPeople people) : IChannelMessages
{
    public async Task<PostedMessage?> GetAsync(string channelId, string messageId, string? threadRootId, CancellationToken ct)
    {
        var teamId = await target.TeamGroupIdAsync(ct);
        var messages = graph.Teams[teamId].Channels[channelId].Messages;
        try
        {
            var message = threadRootId is { Length: > 0 } root && root != messageId
                ? await messages[root].Replies[messageId].GetAsync(cancellationToken: ct)
                : await messages[messageId].GetAsync(cancellationToken: ct);
            return message is null ? null : From(message);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            return null; // deleted, or the permission was not consented: the pin is refused with a reason
        }
    }

    private PostedMessage From(ChatMessage message)
    {
        var user = message.From?.User;
        var author = people.From(new Protocol.ChannelAccount(user?.Id ?? "unknown", user?.DisplayName, user?.Id));
        Instant? posted = message.CreatedDateTime is { } at ? Instant.FromDateTimeOffset(at) : null;
        return new PostedMessage(message.Id ?? "", author, posted, MessageText.Plain(message.Body?.Content), message.WebUrl);
    }
}
