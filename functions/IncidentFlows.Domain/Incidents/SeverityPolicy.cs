using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// What a severity demands. The acknowledgement timeout caps every escalation level's own timeout
/// (a SEV0 never waits longer than its policy says, whatever the escalation policy allows).
/// </summary>
public sealed record SeverityPolicy(
    Duration AckTimeout,
    Duration UpdateCadence,
    bool OpensWarRoom,
    bool Announces,
    bool PagesOnCall);
