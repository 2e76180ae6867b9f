using System.Globalization;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// <see cref="IIncidentIndex"/>: PartitionKey = team (key-encoded), RowKey = inverted declared-at ticks + "|" +
/// incident id, so a partition scan returns newest first. Status is a filtered property.
/// </summary>
public sealed class TableIncidentIndex(TableClient index) : IIncidentIndex
{
    public Task UpsertAsync(IncidentSummary summary, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var row = new TableEntity(TableKeys.Encode(summary.Team), RowKey(summary))
        {
            ["Id"] = summary.Id,
            ["Team"] = summary.Team,
            ["Title"] = summary.Title,
            ["Severity"] = summary.Severity,
            ["Status"] = summary.Status,
            ["DeclaredAt"] = summary.DeclaredAt,
        };
        return index.UpsertCheckedAsync(row, ct);
    }

    public async Task<StoredPage<IncidentSummary>> ListByTeamAsync(string team, string? status, int pageSize, string? continuationToken = null, CancellationToken ct = default)
    {
        var partition = TableKeys.Encode(team);
        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Status eq {status}");
        var page = await index.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct).FirstPageAsync(continuationToken, pageSize);
        var items = page.Rows.Select(r => new IncidentSummary(
            r.GetString("Id")!, r.GetString("Team")!, r.GetString("Title") ?? "", r.GetString("Severity") ?? "", r.GetString("Status") ?? "", r.GetDateTimeOffset("DeclaredAt")!.Value)).ToList();
        return new StoredPage<IncidentSummary>(items, page.ContinuationToken);
    }

    private static string RowKey(IncidentSummary s) =>
        (DateTimeOffset.MaxValue.UtcTicks - s.DeclaredAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + TableKeys.Encode(s.Id);
}
