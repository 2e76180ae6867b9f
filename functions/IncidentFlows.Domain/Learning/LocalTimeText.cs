using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.Domain.Learning;

/// <summary>An instant as a wall-clock time with the zone's abbreviation: "2022-02-02 06:16:56 UTC", "2026-03-29 02:30:00 BST".</summary>
public static class LocalTimeText
{
    private static readonly ZonedDateTimePattern Pattern =
        ZonedDateTimePattern.Create("uuuu'-'MM'-'dd HH':'mm':'ss x", CultureInfo.InvariantCulture, null, DateTimeZoneProviders.Tzdb, default);

    public static string Format(Instant at, DateTimeZone zone) => Pattern.Format(at.InZone(zone));
}
