using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;

namespace IncidentFlows.App.Incidents;

/// <summary>An incident's state as of a stored commit; version 0 means it does not exist yet.</summary>
public sealed record LoadedIncident(Incident? State, long Version);

/// <summary>
/// Incidents as domain objects over the event store: the state comes from the snapshot row written
/// with each commit (the orchestration's persist activity writes the commits; effects run as its activities).
/// </summary>
public sealed class IncidentRepository(IIncidentEventStore store)
{
    public async Task<LoadedIncident> LoadAsync(IncidentId id, CancellationToken ct)
    {
        var snapshot = await store.LoadSnapshotAsync(id.Value, ct);
        return snapshot is null ? new LoadedIncident(null, 0) : new LoadedIncident(IncidentJson.Deserialize<Incident>(snapshot.Json), snapshot.Version);
    }

    public async Task<IReadOnlyList<IncidentEvent>> LoadEventsAsync(IncidentId id, CancellationToken ct) =>
        [.. (await store.LoadEventsAsync(id.Value, ct)).Events.Select(FromStored)];

    /// <summary>The contract names of the events committed after <paramref name="version"/>.</summary>
    public async Task<IReadOnlyList<string>> EventTypesAfterAsync(IncidentId id, long version, CancellationToken ct) =>
        [.. (await store.LoadEventsAfterAsync(id.Value, version, ct)).Events.Select(e => e.Type)];

    public static StoredEvent ToStored(IncidentEvent e) => new(
        IncidentContracts.NameOf(e),
        IncidentContracts.SchemaVersion,
        e.At.ToDateTimeOffset(),
        System.Text.Json.JsonSerializer.Serialize(e, e.GetType(), IncidentJson.Options));

    public static IncidentEvent FromStored(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.SchemaVersion != IncidentContracts.SchemaVersion || !IncidentContracts.EventTypes.TryGetValue(stored.Type, out var type))
        {
            throw new UnknownEventTypeException(stored.Type, stored.SchemaVersion);
        }

        return (IncidentEvent)(System.Text.Json.JsonSerializer.Deserialize(stored.Data, type, IncidentJson.Options)
            ?? throw new InvalidOperationException($"Stored event {stored.Type} has no data."));
    }

    /// <summary>The store accepts exactly the contracts this build can read back.</summary>
    public static EventContracts Contracts { get; } =
        EventContracts.Of(IncidentContracts.Events.Values.Select(name => KeyValuePair.Create(name, IncidentContracts.SchemaVersion)));
}
