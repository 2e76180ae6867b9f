using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary><see cref="IIncidentOutbox"/> over the outbox rows of the incident's partition.</summary>
public sealed class TableOutbox(TableClient incidents) : IIncidentOutbox
{
    public async Task<IReadOnlyList<OutboxItem>> ListPendingAsync(string incidentId, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        var items = new List<OutboxItem>();
        await foreach (var row in incidents.QueryAsync<TableEntity>(IncidentRows.Outbox(incidentId), cancellationToken: ct))
        {
            items.Add(IncidentRows.OutboxItemOf(row));
        }

        return items;
    }

    public async Task CompleteAsync(string incidentId, string itemId, CancellationToken ct = default)
    {
        // An unconditional delete of a missing row succeeds (the SDK treats 404 as done): a retry, or a second
        // process completing the same item, is harmless.
        await incidents.DeleteEntityAsync(TableKeys.Validate(incidentId, nameof(incidentId)), IncidentRows.OutboxKey(itemId), Azure.ETag.All, ct);
    }
}
