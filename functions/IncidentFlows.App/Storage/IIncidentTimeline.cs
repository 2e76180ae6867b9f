namespace IncidentFlows.App.Storage;

/// <summary>The incident's events in sequence order, a page at a time.</summary>
public interface IIncidentTimeline
{
    /// <summary>Up to <paramref name="commitsPerPage"/> commits' events (1–1000); pass the returned token for the next page.</summary>
    Task<StoredPage<TimelineEntry>> ReadPageAsync(string incidentId, int commitsPerPage, string? continuationToken = null, CancellationToken ct = default);
}
