namespace IncidentFlows.App.Storage;

/// <summary>
/// One domain event as the store sees it: an opaque, versioned contract. <paramref name="Type"/> and
/// <paramref name="SchemaVersion"/> name the contract; <paramref name="Data"/> is its JSON.
/// </summary>
public sealed record StoredEvent(string Type, int SchemaVersion, DateTimeOffset At, string Data);

/// <summary>What a decision produced: its events and the state after them (opaque JSON).</summary>
public sealed record NewCommit(IReadOnlyList<StoredEvent> Events, string SnapshotJson);

/// <summary>The state after commit <paramref name="Version"/>, as written with that commit.</summary>
public sealed record StoredSnapshot(long Version, string Json);

/// <summary>Every event of an incident in order; <paramref name="Version"/> is the last commit's sequence (0: none).</summary>
public sealed record LoadedEvents(long Version, IReadOnlyList<StoredEvent> Events);

/// <summary>An event on the timeline with the sequence of the commit that recorded it.</summary>
public sealed record TimelineEntry(long Sequence, StoredEvent Event);

/// <summary>A page of results and an opaque token for the next page (null: no more).</summary>
public sealed record StoredPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>The incident index's row: just enough to list incidents without loading them.</summary>
public sealed record IncidentSummary(string Id, string Team, string Title, string Severity, string Status, DateTimeOffset DeclaredAt);
