using System.Collections.Concurrent;
using Azure;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The snapshot ETag this process last saw per incident, with the version it belongs to. Only a commit rewrites
/// the snapshot, so "snapshot still has ETag E" proves "the incident is still at version V": an append at V can
/// then guard itself with <c>If-Match: E</c> on the snapshot instead of an extra successor-mark operation.
/// A stale entry only costs a conflict (the caller reloads). Bounded: cleared past 10,000 incidents.
/// </summary>
internal sealed class SnapshotHeads
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (long Version, ETag ETag)> _heads = new(StringComparer.Ordinal);

    public ETag? ETagAt(string incidentId, long version) =>
        _heads.TryGetValue(incidentId, out var head) && head.Version == version && head.ETag != default ? head.ETag : null;

    public void Remember(string incidentId, long version, ETag etag)
    {
        if (_heads.Count >= MaxEntries)
        {
            _heads.Clear();
        }

        _heads[incidentId] = (version, etag);
    }

    public void Forget(string incidentId) => _heads.TryRemove(incidentId, out _);
}
