using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>The two read shapes the stores use: a point read that may miss, and one page of a query.</summary>
internal static class TableReads
{
    /// <summary>The entity, or null when it does not exist.</summary>
    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>One page of up to <paramref name="pageSize"/> rows, resuming at a token from <see cref="PageTokens.Wrap"/>.</summary>
    public static async Task<(IReadOnlyList<TableEntity> Rows, string? ContinuationToken)> FirstPageAsync(
        this AsyncPageable<TableEntity> query, string? continuationToken, int pageSize)
    {
        await foreach (var page in query.AsPages(PageTokens.Unwrap(continuationToken), pageSize))
        {
            return (page.Values, PageTokens.Wrap(page.ContinuationToken));
        }

        return ([], null); // the SDK always yields a page, empty or not; this is only for the compiler
    }
}
