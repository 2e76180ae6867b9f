using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>The IANA zone a viewer asked for (<c>?tz=Asia/Tokyo</c>), or why it cannot be used.</summary>
public abstract record ZoneLookup
{
    private ZoneLookup()
    {
    }

    public sealed record Found(DateTimeZone Zone) : ZoneLookup;

    public sealed record Unknown(DomainError Error) : ZoneLookup;
}

/// <summary>Finds viewers' zones in the IANA (tzdb) database that ships with NodaTime.</summary>
public static class ViewerZones
{
    /// <summary>No zone given means UTC; an unknown one is an error naming the field, with a suggestion when only the case is wrong.</summary>
    public static ZoneLookup Find(string? zoneId, string field = "tz")
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return new ZoneLookup.Found(DateTimeZone.Utc);
        }

        var id = zoneId.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone)
        {
            return new ZoneLookup.Found(zone);
        }

        var suggestion = DateTimeZoneProviders.Tzdb.Ids.FirstOrDefault(known => string.Equals(known, id, StringComparison.OrdinalIgnoreCase));
        var hint = suggestion is null ? "use an IANA name such as Europe/London, America/New_York or Asia/Tokyo" : $"did you mean {suggestion}?";
        return new ZoneLookup.Unknown(DomainError.Invalid(field, $"\"{Shorten(id)}\" is not a time zone we know: {hint}"));
    }

    private static string Shorten(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
