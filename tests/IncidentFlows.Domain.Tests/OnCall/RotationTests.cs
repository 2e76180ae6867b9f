using IncidentFlows.Domain.OnCall;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

public class RotationTests
{
    private static readonly Layer Weekly = Layer("Primary", "Europe/London", "2026-01-05T09:00", Weeks(1), ["ann", "bob", "cat"]);

    [Fact]
    public void Participants_take_turns_in_order_from_the_first_handoff()
    {
        Assert.Equal("ann", Weekly.ShiftAt(Utc("2026-01-05T09:00:00Z"))?.PersonId);
        Assert.Equal("bob", Weekly.ShiftAt(Utc("2026-01-12T09:00:00Z"))?.PersonId);
        Assert.Equal("cat", Weekly.ShiftAt(Utc("2026-01-19T09:00:00Z"))?.PersonId);
        Assert.Equal("ann", Weekly.ShiftAt(Utc("2026-01-26T09:00:00Z"))?.PersonId);
    }

    [Fact]
    public void Who_is_on_call_comes_with_the_layer_and_the_shift_start_and_end()
    {
        var shift = Weekly.ShiftAt(Utc("2026-01-14T03:00:00Z"))!.Value;

        Assert.Equal(new LayerShift("Primary", "bob", 1, Between("2026-01-12T09:00:00Z", "2026-01-19T09:00:00Z")), shift);
    }

    [Fact]
    public void A_layer_covers_nothing_before_its_first_handoff()
    {
        Assert.Null(Weekly.ShiftAt(Utc("2026-01-05T08:59:59Z")));
    }

    [Fact]
    public void Shift_lengths_count_hours_days_or_weeks()
    {
        var twelveHours = Layer("Halves", "UTC", "2026-01-01T08:00", Hours(12), ["ann", "bob"]);
        var threeDays = Layer("Threes", "UTC", "2026-01-01T08:00", Days(3), ["ann", "bob"]);
        var twoWeeks = Layer("Fortnights", "UTC", "2026-01-01T08:00", Weeks(2), ["ann", "bob"]);

        Assert.Equal(Utc("2026-01-01T20:00:00Z"), twelveHours.Handoff(1));
        Assert.Equal(Utc("2026-01-04T08:00:00Z"), threeDays.Handoff(1));
        Assert.Equal(Utc("2026-01-15T08:00:00Z"), twoWeeks.Handoff(1));
        Assert.Equal("bob", twelveHours.ShiftAt(Utc("2026-01-01T21:00:00Z"))?.PersonId);
    }

    [Fact]
    public void Handoffs_happen_at_the_same_local_wall_clock_time_all_year()
    {
        var london = Layer("London", "Europe/London", "2026-01-05T09:00", Weeks(1), ["ann", "bob"]);

        Assert.Equal(Utc("2026-03-23T09:00:00Z"), london.Handoff(11)); // GMT
        Assert.Equal(Utc("2026-03-30T08:00:00Z"), london.Handoff(12)); // BST: still 09:00 in London
    }

    [Fact]
    public void The_top_layer_wins_where_it_covers_and_the_lower_layer_fills_the_rest()
    {
        var baseLayer = Layer("Base", "UTC", "2026-01-01T00:00", Weeks(1), ["ann"]);
        var daytime = Layer("Day", "UTC", "2026-01-01T00:00", Weeks(1), ["bob"], Window("09:00", "17:00"));
        var schedule = Schedule(baseLayer, daytime);

        var atNoon = Assert.Single(schedule.WhoIsOnCall(Utc("2026-01-02T12:00:00Z")));
        var atNight = Assert.Single(schedule.WhoIsOnCall(Utc("2026-01-02T20:00:00Z")));

        Assert.Equal(("bob", "layer Day"), (atNoon.PersonId, atNoon.Source.Describe()));
        Assert.Equal(("ann", "layer Base"), (atNight.PersonId, atNight.Source.Describe()));
    }

    [Fact]
    public void Next_handoffs_list_who_goes_off_and_who_comes_on()
    {
        var schedule = Schedule(Weekly);

        var next = schedule.NextHandoffs(Utc("2026-01-06T00:00:00Z"), 3);

        Assert.Equal(
            [
                (Utc("2026-01-12T09:00:00Z"), "ann", "bob"),
                (Utc("2026-01-19T09:00:00Z"), "bob", "cat"),
                (Utc("2026-01-26T09:00:00Z"), "cat", "ann"),
            ],
            next.Select(h => (h.At, Assert.Single(h.GoingOff), Assert.Single(h.ComingOn))));
    }

    [Fact]
    public void Next_handoffs_see_a_handoff_that_falls_exactly_on_a_search_chunk_edge()
    {
        var schedule = Schedule(Weekly);
        var from = Utc("2026-01-12T09:00:00Z").Minus(NodaTime.Duration.FromDays(28));

        var next = schedule.NextHandoffs(from, 5);

        Assert.Contains(next, h => h.At == Utc("2026-01-12T09:00:00Z"));
        Assert.Equal(5, next.Count);
    }
}
