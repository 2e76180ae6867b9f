using IncidentFlows.App.Storage.Tables;

namespace IncidentFlows.App.Storage;

/// <summary><see cref="IIncidentOutbox"/> over the outbox rows of the incident's partition.</summary>
public sealed class TableOutbox(TableClient incidents) : IIncidentOutbox
{
    public async Task<IReadOnlyList<OutboxItem>> ListPendingAsync(string incidentId, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        var items = new List<OutboxItem>();
        await foreach (var row in incidents.QueryAsync(new TableQuery(IncidentRows.Outbox(incidentId)), ct))
        {
            items.Add(IncidentRows.OutboxItemOf(row));
        }

        return items;
    }

    public async Task CompleteAsync(string incidentId, string itemId, CancellationToken ct = default)
    {
        try
        {
            await incidents.DeleteAsync(TableKeys.Validate(incidentId, nameof(incidentId)), IncidentRows.OutboxKey(itemId), Azure.ETag.All, ct);
        }
        catch (TableNotFoundException)
        {
            // Already completed (a retry, or a second process): completing is idempotent.
        }
    }
}
