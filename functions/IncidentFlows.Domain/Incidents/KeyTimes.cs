using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// The key instants of an incident, derived from its events. Identified and mitigated (entered
/// Monitoring) keep their first occurrence; resolved and closed are cleared by a reopen.
/// </summary>
public sealed record KeyTimes(
    Instant Reported,
    Instant? Detected = null,
    Instant? Acknowledged = null,
    Instant? FirstJoined = null,
    Instant? Identified = null,
    Instant? Mitigated = null,
    Instant? Resolved = null,
    Instant? Closed = null);
