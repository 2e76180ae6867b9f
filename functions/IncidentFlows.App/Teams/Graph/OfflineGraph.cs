using Microsoft.Extensions.Logging;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>
/// Development mode with no credential and the real Graph address: there is nobody to call (the
/// playground has no Graph), so activity-feed notifications are logged and directory lookups find
/// nobody and channel messages cannot be read, instead of waiting on a network that is not there.
/// </summary>
public sealed partial class OfflineGraph(ILogger<OfflineGraph> log) : IActivityFeed, IPeopleDirectory, WarRooms.IChannelMessages
{
    public Task NotifyAsync(Guid entraObjectId, string topic, string preview, string? webUrl, CancellationToken ct)
    {
        LogNotification(entraObjectId, preview);
        return Task.CompletedTask;
    }

    public Task<DirectoryPerson?> FindAsync(string idOrUpn, CancellationToken ct) => Task.FromResult<DirectoryPerson?>(null);

    /// <summary>No message can be read: a 📌 reaction or <c>pin</c> reply is answered "could not read"; the message action still pins.</summary>
    public Task<WarRooms.PostedMessage?> GetAsync(string channelId, string messageId, string? threadRootId, CancellationToken ct) =>
        Task.FromResult<WarRooms.PostedMessage?>(null);

    [LoggerMessage(Level = LogLevel.Debug, Message = "[feed] (no Graph in development mode) would notify {EntraObjectId}: {Preview}")] // the story line names who was paged
    private partial void LogNotification(Guid entraObjectId, string preview);
}
