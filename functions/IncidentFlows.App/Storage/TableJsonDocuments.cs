using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// A JSON document per key in its own table: PartitionKey = key (key-encoded), RowKey = <paramref name="rowKey"/>,
/// the text split by <see cref="ChunkedText"/> (so documents over 64 KiB fit, up to ~900 KiB).
/// Serves <see cref="IConversationReferences"/> and <see cref="IOnCallDocuments"/>.
/// </summary>
public sealed class TableJsonDocuments(TableClient table, string rowKey, string what) : IConversationReferences, IOnCallDocuments
{
    public static TableJsonDocuments ConversationReferences(TableClient table) => new(table, "reference", "Conversation reference");

    public static TableJsonDocuments OnCallDocuments(TableClient table) => new(table, "document", "On-call document");

    public Task UpsertAsync(string key, string json, CancellationToken ct = default)
    {
        var row = new TableEntity(TableKeys.Encode(key), rowKey);
        ChunkedText.Write(row, "Json", json, $"{what} '{key}'");
        return table.UpsertCheckedAsync(row, ct);
    }

    public async Task<string?> GetAsync(string key, CancellationToken ct = default)
    {
        var row = await table.FindAsync(TableKeys.Encode(key), rowKey, ct);
        return row is null ? null : ChunkedText.Read(row, "Json");
    }

    Task IOnCallDocuments.SaveAsync(string team, string json, CancellationToken ct) => UpsertAsync(team, json, ct);

    Task<string?> IOnCallDocuments.LoadAsync(string team, CancellationToken ct) => GetAsync(team, ct);
}
