using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>War-room channels in the incidents team.</summary>
public interface IWarRooms
{
    /// <summary>The incident's channel: the existing one if a retry finds it, else a new one with a unique name.</summary>
    Task<WarRoom> OpenAsync(IncidentId incident, string title, NodaTime.Instant declaredAt, CancellationToken ct);

    Task ArchiveAsync(string channelId, CancellationToken ct);

    /// <summary>The channel's members: Entra object id and display name (RSC <c>ChannelMember.Read.Group</c>).</summary>
    Task<IReadOnlyList<(string EntraObjectId, string Name)>> MembersAsync(string channelId, CancellationToken ct);

    /// <summary>Replaces the channel's description (the incident's state: <see cref="WarRoomTopic"/>).</summary>
    Task DescribeAsync(string channelId, string description, CancellationToken ct);

    /// <summary>Renames the channel for a new title, keeping the declaration's date and unique among the team's channels.</summary>
    Task<WarRoom> RenameAsync(WarRoom room, string title, NodaTime.Instant declaredAt, CancellationToken ct);
}

/// <summary>Teams activity-feed notifications (the bell), for pages.</summary>
public interface IActivityFeed
{
    Task NotifyAsync(Guid entraObjectId, string topic, string preview, string? webUrl, CancellationToken ct);
}

/// <summary>People in the directory, by Entra object id or user principal name.</summary>
public interface IPeopleDirectory
{
    /// <summary>Null when nobody has that id or UPN.</summary>
    Task<DirectoryPerson?> FindAsync(string idOrUpn, CancellationToken ct);
}

public sealed record DirectoryPerson(Guid EntraObjectId, string DisplayName, string? UserPrincipalName);
