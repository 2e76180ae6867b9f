using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Web;

/// <summary>What the incident list filters by; null means "any".</summary>
public sealed record IncidentFilter(IncidentStatus? Status, Severity? Severity, string? Service)
{
    public bool Matches(Incident i) =>
        (Status is null || i.Status == Status) && (Severity is null || i.Severity == Severity) && (Service is null || i.Service == Service);
}

/// <summary>The list's ordering and the freshness of each incident's status updates.</summary>
public static class IncidentListing
{
    /// <summary>Open incidents first (worst severity, then newest), then the rest newest first.</summary>
    public static IReadOnlyList<Incident> Order(IEnumerable<Incident> incidents) =>
        [.. incidents.OrderByDescending(i => i.Status.IsOpen()).ThenBy(i => i.Status.IsOpen() ? (int)i.Severity : 0).ThenByDescending(i => i.Times.Reported)];

    /// <summary>When the last status update (or the declaration, before any) was posted: the next due time minus the cadence.</summary>
    public static Instant LastUpdate(Incident i) => i.NextUpdateDue - i.Policy.UpdateCadence;

    /// <summary>An open incident whose severity's update cadence ran out without an update.</summary>
    public static bool UpdateLapsed(Incident i, Instant now) => i.Status.IsOpen() && now > i.NextUpdateDue;
}
