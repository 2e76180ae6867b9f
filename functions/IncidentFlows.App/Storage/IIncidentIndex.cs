namespace IncidentFlows.App.Storage;

/// <summary>Lists a team's incidents newest first without loading them.</summary>
public interface IIncidentIndex
{
    /// <summary>Adds or updates the incident's summary (same incident, same row).</summary>
    Task UpsertAsync(IncidentSummary summary, CancellationToken ct = default);

    /// <summary>A page of the team's incidents, newest declared first, optionally only those in <paramref name="status"/>.</summary>
    Task<StoredPage<IncidentSummary>> ListByTeamAsync(string team, string? status, int pageSize, string? continuationToken = null, CancellationToken ct = default);
}
