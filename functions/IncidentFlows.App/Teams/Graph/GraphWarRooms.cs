using IncidentFlows.App.Incidents;
using IncidentFlows.Domain.Incidents;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using NodaTime;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>
/// War rooms through Microsoft Graph: a standard channel in the incidents team. The description
/// starts with the incident id, which is how a retried effect finds the channel it already made
/// (Graph has no idempotency key for channel creation). Names come from <see cref="WarRoomNames"/>,
/// unique against every channel name the team has, in the team's time zone.
/// </summary>
public sealed class GraphWarRooms(GraphServiceClient graph, TeamsGraphTarget target, ITeamContextSource team) : IWarRooms
{
    public async Task<WarRoom> OpenAsync(IncidentId incident, string title, Instant declaredAt, CancellationToken ct)
    {
        var teamId = await target.TeamGroupIdAsync(ct);
        var existing = await ListChannelsAsync(teamId, ct);
        var marker = Marker(incident);
        if (existing.FirstOrDefault(c => c.Description?.StartsWith(marker, StringComparison.Ordinal) == true) is { Id: { } id } mine)
        {
            return new WarRoom(id, mine.DisplayName ?? "", mine.WebUrl);
        }

        var name = WarRoomNames.Propose(title, declaredAt, team.Current.Zone, [.. existing.Select(c => c.DisplayName ?? "")]);
        var created = await graph.Teams[teamId].Channels.PostAsync(
            new Channel
            {
                DisplayName = name,
                Description = Description(marker, title),
                MembershipType = ChannelMembershipType.Standard,
            },
            cancellationToken: ct) ?? throw new InvalidOperationException($"Graph returned no channel for {incident}.");
        return new WarRoom(created.Id ?? throw new InvalidOperationException("Graph returned a channel without an id."), created.DisplayName ?? name, created.WebUrl);
    }

    public async Task ArchiveAsync(string channelId, CancellationToken ct)
    {
        var teamId = await target.TeamGroupIdAsync(ct);
        await graph.Teams[teamId].Channels[channelId].Archive.PostAsync(new Microsoft.Graph.Teams.Item.Channels.Item.Archive.ArchivePostRequestBody(), cancellationToken: ct);
    }

    public async Task<IReadOnlyList<(string EntraObjectId, string Name)>> MembersAsync(string channelId, CancellationToken ct)
    {
        var teamId = await target.TeamGroupIdAsync(ct);
        var page = await graph.Teams[teamId].Channels[channelId].Members.GetAsync(cancellationToken: ct);
        var members = new List<(string, string)>();
        if (page is null)
        {
            return members;
        }

        var iterator = PageIterator<ConversationMember, ConversationMemberCollectionResponse>.CreatePageIterator(graph, page, m =>
        {
            if (m is AadUserConversationMember { UserId: { Length: > 0 } user })
            {
                members.Add((user, m.DisplayName ?? user));
            }

            return true;
        });
        await iterator.IterateAsync(ct);
        return members;
    }

    public async Task DescribeAsync(string channelId, string description, CancellationToken ct)
    {
        var teamId = await target.TeamGroupIdAsync(ct);
        await graph.Teams[teamId].Channels[channelId].PatchAsync(new Channel { Description = description.Length <= 1024 ? description : description[..1024] }, cancellationToken: ct);
    }

    public async Task<WarRoom> RenameAsync(WarRoom room, string title, Instant declaredAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(room);
        var teamId = await target.TeamGroupIdAsync(ct);
        var others = (await ListChannelsAsync(teamId, ct)).Where(c => c.Id != room.ChannelId).Select(c => c.DisplayName ?? "");
        var name = WarRoomNames.Propose(title, declaredAt, team.Current.Zone, [.. others]);
        if (name != room.Name)
        {
            await graph.Teams[teamId].Channels[room.ChannelId].PatchAsync(new Channel { DisplayName = name }, cancellationToken: ct);
        }

        return room with { Name = name };
    }

    /// <summary>"INC-42: " — a colon ends the id, so INC-4 never matches INC-42's channel.</summary>
    public static string Marker(IncidentId incident) => $"{incident.Value}: ";

    private static string Description(string marker, string title)
    {
        var text = marker + title + " (war room opened by IncidentFlows)";
        return text.Length <= 1024 ? text : text[..1024];
    }

    private async Task<List<Channel>> ListChannelsAsync(string teamId, CancellationToken ct)
    {
        var channels = new List<Channel>();
        var page = await graph.Teams[teamId].Channels.GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "description", "webUrl"], ct);
        if (page is null)
        {
            return channels;
        }

        var iterator = PageIterator<Channel, ChannelCollectionResponse>.CreatePageIterator(graph, page, c =>
        {
            channels.Add(c);
            return true;
        });
        await iterator.IterateAsync(ct);
        return channels;
    }
}
