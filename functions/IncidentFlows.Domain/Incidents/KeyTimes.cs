using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// The key instants of an incident, derived from its events. Identified and mitigated (entered
/// Monitoring) keep their first occurrence; resolved, closed and the postmortem review are cleared by a reopen.
/// </summary>
public sealed record KeyTimes(
    Instant Reported,
    Instant? Detected = null,
    Instant? Acknowledged = null,
    Instant? FirstJoined = null,
    Instant? Identified = null,
    Instant? Mitigated = null,
    Instant? Resolved = null,
    Instant? Closed = null)
{
    /// <summary>When the postmortem was marked reviewed. Init-only, so snapshots written before it still bind.</summary>
    public Instant? PostmortemReviewed { get; init; }

    /// <summary>
    /// When the last open action item was finished (done or won't do), while every item is; null while any is open or
    /// there are none. Init-only, so snapshots written before it still bind.
    /// </summary>
    public Instant? ActionItemsDone { get; init; }
}
