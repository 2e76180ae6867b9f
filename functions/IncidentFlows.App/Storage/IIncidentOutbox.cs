namespace IncidentFlows.App.Storage;

/// <summary>Effects committed with the events and not yet done.</summary>
public interface IIncidentOutbox
{
    Task<IReadOnlyList<OutboxItem>> ListPendingAsync(string incidentId, CancellationToken ct = default);

    /// <summary>Removes a done item. Completing an item twice (or an unknown one) is harmless.</summary>
    Task CompleteAsync(string incidentId, string itemId, CancellationToken ct = default);
}
