using IncidentFlows.App.Storage.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The tables the stores use (layout in README.md). An optional <paramref name="prefix"/> lets several
/// instances or tests share one account.
/// </summary>
public sealed class StorageTables(TableServiceClient service, string prefix = "")
{
    public TableClient Incidents { get; } = service.GetTableClient(prefix + "Incidents");

    public TableClient IncidentIndex { get; } = service.GetTableClient(prefix + "IncidentIndex");

    public TableClient WakeUps { get; } = service.GetTableClient(prefix + "WakeUps");

    public TableClient ConversationReferences { get; } = service.GetTableClient(prefix + "ConversationRefs");

    public TableClient OnCallDocuments { get; } = service.GetTableClient(prefix + "OnCallDocuments");

    public TableClient Leases { get; } = service.GetTableClient(prefix + "Leases");

    public TableClient Declarations { get; } = service.GetTableClient(prefix + "Declarations");

    /// <summary>Creates every table that does not exist yet (idempotent; run at startup).</summary>
    public Task CreateAllAsync(CancellationToken ct = default) =>
        Task.WhenAll(new[] { Incidents, IncidentIndex, WakeUps, ConversationReferences, OnCallDocuments, Leases, Declarations }
            .Select(t => t.CreateIfNotExistsAsync(ct)));
}
