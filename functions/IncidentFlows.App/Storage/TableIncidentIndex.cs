using System.Globalization;
using IncidentFlows.App.Storage.Tables;

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
        return index.UpsertAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<StoredPage<IncidentSummary>> ListByTeamAsync(string team, string? status, int pageSize, string? continuationToken = null, CancellationToken ct = default)
    {
        var filter = TableFilter.PartitionKey.Eq(TableKeys.Encode(team));
        if (status is not null)
        {
            filter &= TableFilter.Property("Status").Eq(status);
        }

        var page = await index.QueryPageAsync(new TableQuery(filter, Top: pageSize), continuationToken, ct);
        var items = page.Entities.Select(r => new IncidentSummary(
            r.GetString("Id")!, r.GetString("Team")!, r.GetString("Title") ?? "", r.GetString("Severity") ?? "", r.GetString("Status") ?? "", r.GetDateTimeOffset("DeclaredAt")!.Value)).ToList();
        return new StoredPage<IncidentSummary>(items, page.ContinuationToken);
    }

    private static string RowKey(IncidentSummary s) =>
        (DateTimeOffset.MaxValue.UtcTicks - s.DeclaredAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + TableKeys.Encode(s.Id);
}
