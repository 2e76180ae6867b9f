using IncidentFlows.Domain.OnCall;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

public class CoverageTests
{
    private static readonly Layer Tokyo = Layer("Tokyo", "Asia/Tokyo", "2026-01-05T10:00", Weeks(1), ["aiko"], Window("09:00", "17:00"));
    private static readonly Layer London = Layer("London", "Europe/London", "2026-01-05T10:00", Weeks(1), ["oliver"], Window("09:00", "17:00"));
    private static readonly Layer SanFrancisco = Layer("San Francisco", "America/Los_Angeles", "2026-01-05T10:00", Weeks(1), ["maya"], Window("09:00", "17:00"));

    [Fact]
    public void Three_regions_working_nine_to_five_leave_an_hour_uncovered_in_the_northern_winter()
    {
        var followTheSun = Schedule(Tokyo, London, SanFrancisco);

        var coverage = followTheSun.CoverageOver(Between("2027-01-13T00:00:00Z", "2027-01-14T00:00:00Z"));

        // Tokyo 00:00–08:00Z, London 09:00–17:00Z, San Francisco 17:00–01:00Z: nobody from 08:00 to 09:00 UTC.
        Assert.Equal([new CoverageGap("primary", Between("2027-01-13T08:00:00Z", "2027-01-13T09:00:00Z"))], coverage.Gaps);
    }

    [Fact]
    public void Three_regions_working_nine_to_five_fit_the_day_exactly_in_the_northern_summer()
    {
        var followTheSun = Schedule(Tokyo, London, SanFrancisco);

        var coverage = followTheSun.CoverageOver(Between("2027-07-14T00:00:00Z", "2027-07-15T00:00:00Z"));

        Assert.True(coverage.IsGapFree);
        Assert.Equal(
            [
                ("2027-07-14T00:00:00Z", "aiko"),
                ("2027-07-14T08:00:00Z", "oliver"),
                ("2027-07-14T16:00:00Z", "maya"),
            ],
            coverage.Segments.Select(s => (NodaTime.Text.InstantPattern.General.Format(s.Span.Start), s.People.Single())));
    }

    [Fact]
    public void Coverage_segments_start_and_end_with_the_interval_and_merge_when_nobody_changes()
    {
        var schedule = Schedule(Layer("Primary", "UTC", "2026-01-05T09:00", Days(1), ["ann", "ann", "bob"]));
        var interval = Between("2026-01-05T12:00:00Z", "2026-01-09T12:00:00Z");

        var segments = schedule.CoverageOver(interval).Segments;

        Assert.Equal(
            [
                (Between("2026-01-05T12:00:00Z", "2026-01-07T09:00:00Z"), "ann"),
                (Between("2026-01-07T09:00:00Z", "2026-01-08T09:00:00Z"), "bob"),
                (Between("2026-01-08T09:00:00Z", "2026-01-09T12:00:00Z"), "ann"),
            ],
            segments.Select(s => (s.Span, s.People.Single())));
    }

    [Fact]
    public void Before_the_first_handoff_is_a_gap()
    {
        var schedule = Schedule(Layer("Primary", "UTC", "2026-01-05T09:00", Weeks(1), ["ann"]));

        var coverage = schedule.CoverageOver(Between("2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"));

        Assert.IsType<CoverageSegment.Gap>(coverage.Segments[0]);
        Assert.Equal(Between("2026-01-05T00:00:00Z", "2026-01-05T09:00:00Z"), coverage.Segments[0].Span);
        Assert.Contains("has nobody on call from 2026-01-05T00:00:00Z to 2026-01-05T09:00:00Z (540 min)", coverage.Gaps[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_crossing_midnight_belongs_to_the_weekday_it_opens_on()
    {
        var fridayNights = Layer("Nights", "UTC", "2026-01-05T00:00", Weeks(1), ["ann"], Window("22:00", "06:00", NodaTime.IsoDayOfWeek.Friday));

        Assert.Equal("ann", fridayNights.ShiftAt(Utc("2026-01-10T05:59:00Z"))?.PersonId); // Saturday morning
        Assert.Null(fridayNights.ShiftAt(Utc("2026-01-10T23:00:00Z"))); // Saturday night
        Assert.Null(fridayNights.ShiftAt(Utc("2026-01-09T05:00:00Z"))); // Friday morning: Thursday's window
    }
}
