using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// <see cref="IWakeUps"/> in one partition ("wakeups") of the WakeUps table: a due row per incident keyed
/// <c>due|{ticks:D19}|{incident}</c> (range-scanned by time) and a pointer row <c>incident|{incident}</c>
/// naming the current due row. Both change in one transaction, guarded by the pointer's ETag. One partition is
/// fine for one team's instance (tens of open incidents); shard by time bucket if that ever changes.
/// </summary>
public sealed class TableWakeUps(TableClient wakeUps) : IWakeUps
{
    private const string Partition = "wakeups";
    private const int MaxAttempts = 20;

    public async Task ScheduleAsync(string incidentId, DateTimeOffset at, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        for (var attempt = 1; ; attempt++)
        {
            var pointer = await wakeUps.FindAsync(Partition, PointerKey(incidentId), ct);
            var current = pointer?.GetDateTimeOffset("At");
            if (current == at)
            {
                return;
            }

            var actions = new List<TableTransactionAction>();
            if (current is { } old)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(Partition, DueKey(incidentId, old)), ETag.All));
            }

            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, DueKey(incidentId, at)) { ["IncidentId"] = incidentId, ["At"] = at }));
            var newPointer = new TableEntity(Partition, PointerKey(incidentId)) { ["At"] = at };
            actions.Add(pointer is null ? new(TableTransactionActionType.Add, newPointer) : new(TableTransactionActionType.UpdateReplace, newPointer, pointer.ETag));
            if (await TrySubmitAsync(actions, attempt, ct))
            {
                return;
            }
        }
    }

    public async Task<IReadOnlyList<WakeUp>> DueAsync(DateTimeOffset asOf, int max, CancellationToken ct = default)
    {
        var end = "due|" + (asOf.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {"due|"} and RowKey lt {end}");
        var due = new List<WakeUp>();
        await foreach (var row in wakeUps.QueryAsync<TableEntity>(filter, Math.Min(max, 1000), cancellationToken: ct))
        {
            due.Add(new WakeUp(row.GetString("IncidentId")!, row.GetDateTimeOffset("At")!.Value));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    public async Task<bool> RemoveAsync(string incidentId, DateTimeOffset at, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        for (var attempt = 1; ; attempt++)
        {
            var pointer = await wakeUps.FindAsync(Partition, PointerKey(incidentId), ct);
            if (pointer?.GetDateTimeOffset("At") != at)
            {
                return false;
            }

            List<TableTransactionAction> actions = [
                new(TableTransactionActionType.Delete, new TableEntity(Partition, PointerKey(incidentId)), pointer.ETag),
                new(TableTransactionActionType.Delete, new TableEntity(Partition, DueKey(incidentId, at)), ETag.All),
            ];
            if (await TrySubmitAsync(actions, attempt, ct))
            {
                return true;
            }
        }
    }

    /// <summary>Submits; false when another process changed the pointer first (the caller re-reads and retries).</summary>
    private async Task<bool> TrySubmitAsync(List<TableTransactionAction> actions, int attempt, CancellationToken ct)
    {
        try
        {
            await wakeUps.SubmitCheckedAsync(actions, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.IsLostRace() && attempt < MaxAttempts)
        {
            return false;
        }
    }

    private static string PointerKey(string incidentId) => "incident|" + incidentId;

    private static string DueKey(string incidentId, DateTimeOffset at) =>
        "due|" + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + incidentId;
}
