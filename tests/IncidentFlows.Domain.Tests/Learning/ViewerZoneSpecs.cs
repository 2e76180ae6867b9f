using IncidentFlows.Domain.Learning;
using NodaTime;

namespace IncidentFlows.Domain.Tests.Learning;

public class ViewerZoneSpecs
{
    [Fact]
    public void A_known_iana_zone_is_found()
    {
        var found = Assert.IsType<ZoneLookup.Found>(ViewerZones.Find("Asia/Tokyo"));

        Assert.Equal("Asia/Tokyo", found.Zone.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_zone_means_utc(string? zone)
    {
        Assert.Equal(DateTimeZone.Utc, Assert.IsType<ZoneLookup.Found>(ViewerZones.Find(zone)).Zone);
    }

    [Fact]
    public void An_unknown_zone_is_an_error_on_the_tz_field_not_an_exception()
    {
        var unknown = Assert.IsType<ZoneLookup.Unknown>(ViewerZones.Find("Europe/Londn"));

        Assert.Equal("input.invalid", unknown.Error.Code);
        Assert.Equal("tz", unknown.Error.Field);
        Assert.Equal("\"Europe/Londn\" is not a time zone we know: use an IANA name such as Europe/London, America/New_York or Asia/Tokyo", unknown.Error.Message);
    }

    [Fact]
    public void A_zone_in_the_wrong_case_gets_a_suggestion()
    {
        var unknown = Assert.IsType<ZoneLookup.Unknown>(ViewerZones.Find("europe/london"));

        Assert.Equal("\"europe/london\" is not a time zone we know: did you mean Europe/London?", unknown.Error.Message);
    }
}
