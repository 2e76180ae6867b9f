using IncidentFlows.App.Teams.Cards;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Teams.Graph;

/// <summary>
/// The war-room channel's description, kept showing the incident's state ("Lead | Severity | Status | Homepage").
/// It starts with <see cref="GraphWarRooms.Marker"/>, by which a retried open finds the channel again.
/// </summary>
public static class WarRoomTopic
{
    public static string For(Incident incident, Uri? site)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return GraphWarRooms.Marker(incident.Id)
            + $"Lead: {incident.Holder(IncidentRole.Lead)?.Name ?? "nobody yet"} | Severity: {incident.Severity.Display()} | Status: {incident.Status.Display()}"
            + (site is null ? "" : $" | Homepage: {IncidentCard.Homepage(site, incident)}"); // GraphWarRooms cuts it to Graph's 1,024 characters
    }
}
