using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary><see cref="ICalendarLinks"/> in the CalendarLinks table: partition = team, row = the token's SHA-256, column Person.</summary>
public sealed class TableCalendarLinks(TableClient table) : ICalendarLinks
{
    public Task AddAsync(string team, string tokenSha256, string person, CancellationToken ct = default) =>
        table.AddCheckedAsync(new TableEntity(TableKeys.Encode(team), tokenSha256) { ["Person"] = person }, ct);

    public async Task<string?> FindPersonAsync(string team, string tokenSha256, CancellationToken ct = default) =>
        (await table.FindAsync(TableKeys.Encode(team), tokenSha256, ct))?.GetString("Person");

    public async Task<int> RevokeAsync(string team, string person, CancellationToken ct = default)
    {
        var partition = TableKeys.Encode(team);
        var revoked = 0;
        await foreach (var link in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Person eq {person}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try
            {
                await table.DeleteEntityAsync(link.PartitionKey, link.RowKey, ETag.All, ct);
                revoked++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // revoked meanwhile by another request
            }
        }

        return revoked;
    }
}
