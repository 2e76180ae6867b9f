using NodaTime;

namespace IncidentFlows.App.Web;

/// <summary>The zones a viewer can pick: every canonical IANA zone NodaTime ships, so the browser's own zone is always there.</summary>
public static class ViewerZoneChoices
{
    public static IReadOnlyList<string> Ids { get; } =
        [.. NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
