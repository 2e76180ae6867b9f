using System.Globalization;
using IncidentFlows.App.Storage.Tables;

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
            var pointer = await wakeUps.GetAsync(Partition, PointerKey(incidentId), ct);
            var current = pointer?.GetDateTimeOffset("At");
            if (current == at)
            {
                return;
            }

            var actions = new List<TableTransactionAction>();
            if (current is { } old)
            {
                actions.Add(TableTransactionAction.Delete(Partition, DueKey(incidentId, old)));
            }

            actions.Add(TableTransactionAction.Upsert(new TableEntity(Partition, DueKey(incidentId, at)) { ["IncidentId"] = incidentId, ["At"] = at }));
            var newPointer = new TableEntity(Partition, PointerKey(incidentId)) { ["At"] = at };
            actions.Add(pointer is null ? TableTransactionAction.Insert(newPointer) : TableTransactionAction.Update(newPointer, pointer.ETag));
            if (await TrySubmitAsync(actions, attempt, ct))
            {
                return;
            }
        }
    }

    public async Task<IReadOnlyList<WakeUp>> DueAsync(DateTimeOffset asOf, int max, CancellationToken ct = default)
    {
        var end = "due|" + (asOf.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableFilter.PartitionKey.Eq(Partition) & TableFilter.RowKey.Gt("due|") & TableFilter.RowKey.Lt(end);
        var due = new List<WakeUp>();
        await foreach (var row in wakeUps.QueryAsync(new TableQuery(filter, Top: Math.Min(max, 1000)), ct))
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
            var pointer = await wakeUps.GetAsync(Partition, PointerKey(incidentId), ct);
            if (pointer?.GetDateTimeOffset("At") != at)
            {
                return false;
            }

            List<TableTransactionAction> actions = [
                TableTransactionAction.Delete(Partition, PointerKey(incidentId), pointer.ETag),
                TableTransactionAction.Delete(Partition, DueKey(incidentId, at)),
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
            await wakeUps.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableRequestException e) when (e is TableConflictException or TablePreconditionFailedException or TableNotFoundException && attempt < MaxAttempts)
        {
            return false;
        }
    }

    private static string PointerKey(string incidentId) => "incident|" + incidentId;

    private static string DueKey(string incidentId, DateTimeOffset at) =>
        "due|" + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + incidentId;
}
