namespace IncidentFlows.App.Storage;

/// <summary>
/// The event contracts (type name → highest schema version) this build understands. The event store refuses to
/// append or load any other contract, so a newer writer's events are never silently skipped by an older reader.
/// </summary>
public sealed class EventContracts
{
    private readonly Dictionary<string, int>? _known;

    private EventContracts(Dictionary<string, int>? known) => _known = known;

    /// <summary>Accepts every contract (for tools and tests that treat events as opaque).</summary>
    public static EventContracts Any { get; } = new(null);

    public static EventContracts Of(IEnumerable<KeyValuePair<string, int>> typesAndMaxVersions) =>
        new(new Dictionary<string, int>(typesAndMaxVersions, StringComparer.Ordinal));

    public void EnsureKnown(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (string.IsNullOrWhiteSpace(e.Type) || e.SchemaVersion < 1 || e.Data is null)
        {
            throw new ArgumentException($"An event needs a type, a schema version ≥ 1 and data; got '{e.Type}' v{e.SchemaVersion}.", nameof(e));
        }

        if (_known is not null && (!_known.TryGetValue(e.Type, out var max) || e.SchemaVersion > max))
        {
            throw new UnknownEventTypeException(e.Type, e.SchemaVersion);
        }
    }
}
