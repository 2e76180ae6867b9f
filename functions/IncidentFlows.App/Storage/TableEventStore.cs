using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// <see cref="IIncidentEventStore"/> on the Incidents table. A commit is ONE entity-group transaction:
/// [0] insert commit row N+1 (409 if another writer took N+1), then a guard that the incident is at N (so a
/// caller's expected version ahead of the store cannot leave a gap): either [1] replace the snapshot with
/// If-Match on the ETag this process saw at N (412 otherwise; see <see cref="SnapshotHeads"/>) or, when it has
/// not seen one, [1] merge a successor mark into commit N (404 if missing) and [2] replace the snapshot.
/// So commit and snapshot land together or not at all.
/// </summary>
public sealed class TableEventStore(TableClient incidents, EventContracts contracts) : IIncidentEventStore
{
    private readonly SnapshotHeads _heads = new();

    public async Task<long> AppendAsync(string incidentId, long expectedVersion, NewCommit commit, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var (actions, snapshotIndex) = BuildTransaction(incidentId, expectedVersion, commit);
        try
        {
            var responses = await incidents.SubmitCheckedAsync(actions, ct);
            if (responses[snapshotIndex].Headers.ETag is { } etag)
            {
                _heads.Remember(incidentId, expectedVersion + 1, etag);
            }
            else
            {
                _heads.Forget(incidentId);
            }

            return expectedVersion + 1;
        }
        catch (RequestFailedException e) when (IsConflict(e, expectedVersion))
        {
            _heads.Forget(incidentId);
            throw new ConcurrencyConflictException(incidentId, expectedVersion, e);
        }
    }

    /// <summary>409 on the commit row: N+1 is taken; 404/412 on the guard: the incident is no longer (or not yet) at N.</summary>
    private static bool IsConflict(RequestFailedException e, long expectedVersion) => e.FailedOperationIndex() switch
    {
        0 => e.IsConflict(),
        1 => (e.IsNotFound() || e.IsStale()) && expectedVersion > 0,
        _ => false,
    };

    private (List<TableTransactionAction> Actions, int SnapshotIndex) BuildTransaction(string incidentId, long expectedVersion, NewCommit commit)
    {
        if (commit.Events is not { Count: > 0 })
        {
            throw new ArgumentException("A commit holds at least one event.", nameof(commit));
        }

        foreach (var e in commit.Events)
        {
            contracts.EnsureKnown(e);
        }

        var sequence = expectedVersion + 1;
        var actions = new List<TableTransactionAction>(3)
        {
            new(TableTransactionActionType.Add, IncidentRows.CommitRow(incidentId, sequence, commit.Events)),
        };
        var snapshot = IncidentRows.SnapshotRow(incidentId, sequence, commit.SnapshotJson);
        if (expectedVersion > 0 && _heads.ETagAt(incidentId, expectedVersion) is { } seen)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, snapshot, seen));
        }
        else
        {
            if (expectedVersion > 0)
            {
                // If-Match * on a merge: fails with 404 when commit N does not exist, so no gap can appear.
                actions.Add(new(TableTransactionActionType.UpdateMerge, IncidentRows.SuccessorMark(incidentId, expectedVersion, sequence), ETag.All));
            }

            actions.Add(new(TableTransactionActionType.UpsertReplace, snapshot));
        }

        return (actions, actions.Count - 1);
    }

    public Task<LoadedEvents> LoadEventsAsync(string incidentId, CancellationToken ct = default) => LoadEventsAfterAsync(incidentId, 0, ct);

    public async Task<LoadedEvents> LoadEventsAfterAsync(string incidentId, long afterVersion, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        var events = new List<StoredEvent>();
        var version = afterVersion;
        await foreach (var row in incidents.QueryAsync<TableEntity>(IncidentRows.Commits(incidentId, afterVersion), cancellationToken: ct))
        {
            var sequence = IncidentRows.SequenceOf(row);
            if (sequence != version + 1)
            {
                throw new InvalidOperationException($"Incident {incidentId} has commit {sequence} after {version}: the stream has a gap.");
            }

            version = sequence;
            foreach (var e in IncidentRows.EventsOf(row))
            {
                contracts.EnsureKnown(e);
                events.Add(e);
            }
        }

        return new LoadedEvents(version, events);
    }

    public async Task<StoredSnapshot?> LoadSnapshotAsync(string incidentId, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        var row = await incidents.FindAsync(incidentId, IncidentRows.SnapshotKey, ct);
        if (row is null)
        {
            return null;
        }

        var snapshot = IncidentRows.SnapshotOf(row);
        _heads.Remember(incidentId, snapshot.Version, row.ETag);
        return snapshot;
    }
}
