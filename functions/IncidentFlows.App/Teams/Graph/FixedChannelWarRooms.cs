using IncidentFlows.App.Incidents;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>
/// Development only (<c>IncidentFlows:Teams:WarRoomChannelId</c>): every war room is one existing
/// channel, no Graph involved. The Agents Playground cannot show channels Graph creates, so locally the
/// war-room posts land in a channel it does show. The name is still the one Graph would have given.
/// </summary>
public sealed class FixedChannelWarRooms(string channelId, ITeamContextSource team) : IWarRooms
{
    public Task<WarRoom> OpenAsync(IncidentId incident, string title, Instant declaredAt, CancellationToken ct) =>
        Task.FromResult(new WarRoom(channelId, WarRoomNames.Propose(title, declaredAt, team.Current.Zone, []), null));

    public Task ArchiveAsync(string channelId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The shared channel's members are not the incident's: nobody is recorded as an observer.</summary>
    public Task<IReadOnlyList<(string EntraObjectId, string Name)>> MembersAsync(string channelId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string EntraObjectId, string Name)>>([]);

    /// <summary>The shared channel is not the incident's to describe.</summary>
    public Task DescribeAsync(string channelId, string description, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The name Graph would give; the shared channel itself keeps its own.</summary>
    public Task<WarRoom> RenameAsync(WarRoom room, string title, Instant declaredAt, CancellationToken ct) =>
        Task.FromResult(room with { Name = WarRoomNames.Propose(title, declaredAt, team.Current.Zone, []) });
}
