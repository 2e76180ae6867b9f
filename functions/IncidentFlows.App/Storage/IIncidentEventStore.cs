namespace IncidentFlows.App.Storage;

/// <summary>The incident's event stream with optimistic concurrency; one round trip per commit.</summary>
public interface IIncidentEventStore
{
    /// <summary>
    /// Appends commit <c>expectedVersion + 1</c> with its snapshot, atomically. Returns the new
    /// version. Throws <see cref="ConcurrencyConflictException"/> when the incident is not at
    /// <paramref name="expectedVersion"/> (nothing written: reload and retry).
    /// </summary>
    Task<long> AppendAsync(string incidentId, long expectedVersion, NewCommit commit, CancellationToken ct = default);

    /// <summary>Every event, in commit order. An incident with no commits has version 0 and no events.</summary>
    Task<LoadedEvents> LoadEventsAsync(string incidentId, CancellationToken ct = default);

    /// <summary>The events of the commits after <paramref name="afterVersion"/>, in commit order.</summary>
    Task<LoadedEvents> LoadEventsAfterAsync(string incidentId, long afterVersion, CancellationToken ct = default);

    /// <summary>The state written with the latest commit, or null before the first commit.</summary>
    Task<StoredSnapshot?> LoadSnapshotAsync(string incidentId, CancellationToken ct = default);
}
