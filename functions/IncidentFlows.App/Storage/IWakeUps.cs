namespace IncidentFlows.App.Storage;

/// <summary>
/// Each incident's single next wake-up, queryable across incidents by due time. Also the "pending work" marker:
/// the scheduler sets it before a commit, so a crash never loses work (waking up for nothing is harmless).
/// </summary>
public interface IWakeUps
{
    /// <summary>Sets (or replaces) the incident's next wake-up.</summary>
    Task ScheduleAsync(string incidentId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Wake-ups due at or before <paramref name="asOf"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WakeUp>> DueAsync(DateTimeOffset asOf, int max, CancellationToken ct = default);

    /// <summary>Removes the wake-up if it is still the one at <paramref name="at"/>; false when it was replaced or gone.</summary>
    Task<bool> RemoveAsync(string incidentId, DateTimeOffset at, CancellationToken ct = default);
}
