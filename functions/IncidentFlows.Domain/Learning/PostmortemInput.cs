using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// What a postmortem is written from: the incident's events as stored, the customer impact the App
/// layer looked up in the service catalog, and the zone the times are shown in (UTC by default).
/// </summary>
public sealed record PostmortemInput(IReadOnlyList<IncidentEvent> History, IReadOnlyList<ServiceImpact> Impact, DateTimeZone Zone)
{
    public PostmortemInput(IReadOnlyList<IncidentEvent> history)
        : this(history, [], DateTimeZone.Utc)
    {
    }
}

/// <summary>A service the incident touched, as the catalog describes it: who owns it and what customers notice when it fails.</summary>
public sealed record ServiceImpact(string Service, string? OwningTeam, string? CustomerImpact);
