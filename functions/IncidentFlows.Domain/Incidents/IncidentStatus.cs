namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// Where an incident is in its life. Allowed moves are in <see cref="StatusTransitions"/>;
/// leaving Resolved, Closed or Declined takes a Reopen.
/// </summary>
public enum IncidentStatus
{
    Triage,
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Closed,
    Declined,
}

public static class IncidentStatuses
{
    /// <summary>Open incidents escalate and expect status updates.</summary>
    public static bool IsOpen(this IncidentStatus status) =>
        status is IncidentStatus.Triage or IncidentStatus.Investigating or IncidentStatus.Identified or IncidentStatus.Monitoring;

    public static IncidentStatus? Parse(string? text) =>
        Enum.TryParse<IncidentStatus>(text?.Trim(), ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    public static string Display(this IncidentStatus status) => status.ToString().ToLowerInvariant();
}
