using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Incidents;

/// <summary>The incident index's row for an incident.</summary>
public static class IncidentSummaries
{
    public static IncidentSummary Of(Incident incident, string team)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new(incident.Id.Value, team, incident.Title, incident.Severity.Display(), incident.Status.Display(), incident.Times.Reported.ToDateTimeOffset());
    }
}
