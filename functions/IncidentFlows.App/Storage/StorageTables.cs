using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The tables the stores use (layout in README.md). An optional <paramref name="prefix"/> lets several
/// instances or tests share one account.
/// </summary>
public sealed class StorageTables(TableServiceClient service, string prefix = "")
{
    public TableClient Incidents { get; } = service.GetTableClient(TableKeys.ValidateTableName(prefix + "Incidents"));

    public TableClient IncidentIndex { get; } = service.GetTableClient(TableKeys.ValidateTableName(prefix + "IncidentIndex"));

    public TableClient ConversationReferences { get; } = service.GetTableClient(TableKeys.ValidateTableName(prefix + "ConversationRefs"));

    public TableClient OnCallDocuments { get; } = service.GetTableClient(TableKeys.ValidateTableName(prefix + "OnCallDocuments"));

    public TableClient Declarations { get; } = service.GetTableClient(TableKeys.ValidateTableName(prefix + "Declarations"));

    public TableClient CalendarLinks { get; } = service.GetTableClient(TableKeys.ValidateTableName(prefix + "CalendarLinks"));

    /// <summary>Creates every table that does not exist yet (idempotent; run at startup).</summary>
    public Task CreateAllAsync(CancellationToken ct = default) =>
        Task.WhenAll(new[] { Incidents, IncidentIndex, ConversationReferences, OnCallDocuments, Declarations, CalendarLinks }
            .Select(t => t.CreateIfNotExistsAsync(ct)));
}
