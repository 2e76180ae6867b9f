using IncidentFlows.Domain.OnCall;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

/// <summary>The DST rules of ADR 0004, one example each (the brute-force specs cover every transition).</summary>
public class DstRuleTests
{
    [Fact]
    public void A_handoff_in_a_spring_forward_gap_happens_at_the_first_valid_instant()
    {
        // Los Angeles jumps from 02:00 PST to 03:00 PDT on 2026-03-08; 02:30 does not exist that day.
        var layer = Layer("Nights", "America/Los_Angeles", "2026-03-07T02:30", Days(1), ["ann", "bob"]);

        Assert.Equal(Utc("2026-03-08T10:00:00Z"), layer.Handoff(1)); // 03:00 PDT
        Assert.Equal(Utc("2026-03-09T09:30:00Z"), layer.Handoff(2)); // back to 02:30, now PDT
    }

    [Fact]
    public void A_handoff_in_a_fall_back_overlap_happens_at_the_first_occurrence()
    {
        // Los Angeles goes from 02:00 PDT back to 01:00 PST on 2026-11-01; 01:30 happens twice.
        var layer = Layer("Nights", "America/Los_Angeles", "2026-10-31T01:30", Days(1), ["ann", "bob"]);

        Assert.Equal(Utc("2026-11-01T08:30:00Z"), layer.Handoff(1)); // 01:30 PDT, not 01:30 PST (09:30Z)
        Assert.Equal("bob", layer.ShiftAt(Utc("2026-11-01T09:15:00Z"))?.PersonId); // the second 01:15 is after the handoff
    }

    [Fact]
    public void A_shift_spanning_a_transition_is_an_hour_shorter_or_longer_so_the_handoff_keeps_its_wall_clock_time()
    {
        var london = Layer("London", "Europe/London", "2026-03-28T09:00", Days(1), ["ann", "bob"]);

        var acrossSpringForward = london.ShiftAt(Utc("2026-03-28T12:00:00Z"))!.Value.Span;

        Assert.Equal(NodaTime.Duration.FromHours(23), acrossSpringForward.Duration);
        Assert.Equal(Utc("2026-03-29T08:00:00Z"), acrossSpringForward.End); // 09:00 BST
    }

    [Fact]
    public void Hourly_shifts_count_wall_clock_hours_like_daily_and_weekly_ones()
    {
        // As GoAlert's hourly rotations: midnight + 3 wall-clock hours is 03:00 on both transition nights.
        var springForward = Layer("Threes", "America/Chicago", "2026-03-08T00:00", Hours(3), ["ann", "bob"]);
        var fallBack = Layer("Threes", "America/Chicago", "2026-11-01T00:00", Hours(3), ["ann", "bob"]);

        Assert.Equal(NodaTime.Duration.FromHours(2), springForward.ShiftAt(Utc("2026-03-08T06:30:00Z"))!.Value.Span.Duration);
        Assert.Equal(NodaTime.Duration.FromHours(4), fallBack.ShiftAt(Utc("2026-11-01T06:30:00Z"))!.Value.Span.Duration);
        Assert.Equal(Utc("2026-11-01T09:00:00Z"), fallBack.Handoff(1)); // 03:00 CST
    }

    [Fact]
    public void A_restriction_window_stays_in_the_layers_own_zone_across_its_transitions()
    {
        var tokyoMorning = Layer("Tokyo", "Asia/Tokyo", "2026-01-05T09:00", Weeks(1), ["ann"], Window("09:00", "17:00"));
        var londonDay = Layer("London", "Europe/London", "2026-01-05T09:00", Weeks(1), ["bob"], Window("09:00", "17:00"));

        Assert.Equal(Between("2026-07-01T00:00:00Z", "2026-07-01T08:00:00Z"), tokyoMorning.ShiftAt(Utc("2026-07-01T03:00:00Z"))?.Span);
        Assert.Equal(Between("2026-07-01T08:00:00Z", "2026-07-01T16:00:00Z"), londonDay.ShiftAt(Utc("2026-07-01T12:00:00Z"))?.Span);
        Assert.Equal(Between("2026-12-01T09:00:00Z", "2026-12-01T17:00:00Z"), londonDay.ShiftAt(Utc("2026-12-01T12:00:00Z"))?.Span);
    }

    [Fact]
    public void A_window_edge_in_a_spring_forward_gap_opens_at_the_first_valid_instant()
    {
        var layer = Layer("Early", "America/Los_Angeles", "2026-03-01T00:00", Weeks(4), ["ann"], Window("02:30", "06:00"));

        Assert.Null(layer.ShiftAt(Utc("2026-03-08T09:59:59Z")));
        Assert.Equal(Between("2026-03-08T10:00:00Z", "2026-03-08T13:00:00Z"), layer.ShiftAt(Utc("2026-03-08T10:00:00Z"))?.Span);
    }
}
