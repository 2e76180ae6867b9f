using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Teams.WarRooms;

/// <summary>A war-room message as it was posted: its Teams id, author, time, plain text and link (for the timeline).</summary>
public sealed record PostedMessage(string Id, Person Author, Instant? PostedAt, string Text, string? Link);

/// <summary>Reads one channel message (a 📌 reaction and a <c>pin</c> reply name a message but do not carry it).</summary>
public interface IChannelMessages
{
    /// <summary>The message, a reply when <paramref name="threadRootId"/> is another message; null when it cannot be read.</summary>
    Task<PostedMessage?> GetAsync(string channelId, string messageId, string? threadRootId, CancellationToken ct);
}
