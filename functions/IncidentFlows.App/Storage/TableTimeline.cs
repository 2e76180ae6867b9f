using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary><see cref="IIncidentTimeline"/>: the commit rows in RowKey (= sequence) order, paged by the service.</summary>
public sealed class TableTimeline(TableClient incidents, EventContracts contracts) : IIncidentTimeline
{
    public async Task<StoredPage<TimelineEntry>> ReadPageAsync(string incidentId, int commitsPerPage, string? continuationToken = null, CancellationToken ct = default)
    {
        TableKeys.Validate(incidentId, nameof(incidentId));
        var page = await incidents.QueryAsync<TableEntity>(IncidentRows.Commits(incidentId), commitsPerPage, cancellationToken: ct).FirstPageAsync(continuationToken, commitsPerPage);
        var entries = new List<TimelineEntry>();
        foreach (var row in page.Rows)
        {
            var sequence = IncidentRows.SequenceOf(row);
            foreach (var e in IncidentRows.EventsOf(row))
            {
                contracts.EnsureKnown(e);
                entries.Add(new TimelineEntry(sequence, e));
            }
        }

        return new StoredPage<TimelineEntry>(entries, page.ContinuationToken);
    }
}
