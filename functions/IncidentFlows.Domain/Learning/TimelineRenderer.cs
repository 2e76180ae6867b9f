using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.Domain.Learning;

/// <summary>Renders timelines for viewers who name their zone; an unknown zone is an error value, not an exception.</summary>
public static class TimelineRenderer
{
    public static TimelineResult Render(IEnumerable<IncidentEvent> events, string? zoneId) => ViewerZones.Find(zoneId) switch
    {
        ZoneLookup.Found found => new TimelineResult.Rendered(Timeline.Of(events, found.Zone)),
        ZoneLookup.Unknown unknown => new TimelineResult.Refused(unknown.Error),
        _ => throw new InvalidOperationException("Unknown zone lookup."),
    };
}

public abstract record TimelineResult
{
    private TimelineResult()
    {
    }

    public sealed record Rendered(Timeline Timeline) : TimelineResult;

    public sealed record Refused(DomainError Error) : TimelineResult;
}
