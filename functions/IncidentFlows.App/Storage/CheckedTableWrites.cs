using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The writes the stores make, each checked against <see cref="TableLimits"/> first, so an oversized entity or an
/// invalid transaction is refused with a clear message before anything reaches the service.
/// </summary>
internal static class CheckedTableWrites
{
    public static Task<Response> AddCheckedAsync(this TableClient table, TableEntity entity, CancellationToken ct)
    {
        TableLimits.CheckEntity(entity);
        return table.AddEntityAsync(entity, ct);
    }

    public static Task<Response> UpsertCheckedAsync(this TableClient table, TableEntity entity, CancellationToken ct)
    {
        TableLimits.CheckEntity(entity);
        return table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Replaces the entity only if it still has <paramref name="ifMatch"/> (412 otherwise).</summary>
    public static Task<Response> ReplaceCheckedAsync(this TableClient table, TableEntity entity, ETag ifMatch, CancellationToken ct)
    {
        TableLimits.CheckEntity(entity);
        return table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, ct);
    }

    /// <summary>One entity-group transaction; the responses are in the order of <paramref name="actions"/>.</summary>
    public static async Task<IReadOnlyList<Response>> SubmitCheckedAsync(this TableClient table, IReadOnlyCollection<TableTransactionAction> actions, CancellationToken ct)
    {
        TableLimits.CheckTransaction(actions);
        return (await table.SubmitTransactionAsync(actions, ct)).Value;
    }
}
