using IncidentFlows.Domain.OnCall;
using NodaTime;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

/// <summary>
/// Steps through every DST transition of 2026–2028 minute by minute, as GoAlert's rotation tests do, and checks
/// handoffs against an oracle that knows nothing of NodaTime's resolvers: a wall-clock handoff happens at the
/// first instant whose local reading is at or past the handoff time — the first occurrence in an overlap, the
/// first valid instant after a gap.
/// </summary>
public class DstBruteForceTests
{
    private static readonly Interval Years = new(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2029, 1, 1, 0, 0));

    [Theory]
    [InlineData("America/Los_Angeles", 6)]
    [InlineData("Europe/London", 6)]
    [InlineData("Australia/Sydney", 6)]
    [InlineData("Asia/Kolkata", 0)]
    [InlineData("Asia/Tokyo", 0)]
    public void Every_transition_of_2026_to_2028_follows_the_handoff_rules(string zoneId, int transitions)
    {
        var zone = Zone(zoneId);
        var found = Transitions(zone).ToList();
        Assert.Equal(transitions, found.Count);

        foreach (var transition in found)
        {
            CheckDailyHandoffsAround(zone, transition);
        }
    }

    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Europe/London")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Tokyo")]
    public void Every_daily_handoff_of_2026_to_2028_keeps_its_wall_clock_time(string zoneId)
    {
        var zone = Zone(zoneId);
        foreach (var time in new[] { "00:00", "01:30", "02:00", "02:30", "09:00", "23:30" })
        {
            var layer = Layer("Daily", zoneId, $"2026-01-01T{time}", Days(1), ["ann", "bob"]);
            var previous = Instant.MinValue;
            for (var n = 0; n < 3 * 366; n++)
            {
                var handoff = layer.Handoff(n);
                var wanted = new LocalDate(2026, 1, 1).PlusDays(n).At(Time(time));
                Assert.Equal(Oracle(zone, wanted), handoff);
                Assert.True(handoff > previous, $"{zoneId} {time}: handoff {n} at {handoff} is not after {previous}");
                previous = handoff;
            }
        }
    }

    /// <summary>
    /// For handoff times every 5 minutes from 3 hours before to 3 hours after the transition's wall-clock time,
    /// handoff times every 5 minutes at the oracle's instant, and stepping minute by minute across the
    /// day must show the outgoing person until then and the incoming one from then on.
    /// </summary>
    private static void CheckDailyHandoffsAround(DateTimeZone zone, Instant transition)
    {
        var localAtTransition = transition.InZone(zone).LocalDateTime;
        var transitionDay = localAtTransition.Date;
        for (var minutes = -180; minutes <= 180; minutes += 5)
        {
            var handoffTime = localAtTransition.PlusMinutes(minutes).TimeOfDay;
            var layer = new Layer("Daily", ["before", "after"], new ShiftLength(1, ShiftUnit.Days), transitionDay.PlusDays(-1).At(handoffTime), zone);
            var expected = Oracle(zone, transitionDay.At(handoffTime));

            Assert.Equal(expected, layer.Handoff(1));
            for (var at = expected.Minus(Duration.FromHours(6)); at < expected.Plus(Duration.FromHours(6)); at = at.Plus(Duration.FromMinutes(1)))
            {
                var shift = layer.ShiftAt(at);
                if (shift is null) continue; // before the layer's first handoff
                var wanted = at < expected ? "before" : "after";
                if (wanted == shift.Value.PersonId && shift.Value.Span.Contains(at)) continue; // messages only on failure: this loop is hot
                Assert.Fail($"{zone.Id} handoff {handoffTime} on {transitionDay}: at {at} expected {wanted}, got {shift.Value.PersonId} for {shift.Value.Span}");
            }

            CheckWindowOpeningAt(zone, transitionDay, handoffTime);
        }
    }

    /// <summary>A restriction window that opens at <paramref name="opens"/> and closes two hours later follows the same rule at both edges.</summary>
    private static void CheckWindowOpeningAt(DateTimeZone zone, LocalDate day, LocalTime opens)
    {
        var closes = opens.PlusHours(2);
        var window = new Restriction(Restriction.EveryDay, new DailyWindow(opens, closes));
        var layer = new Layer("Window", ["someone"], new ShiftLength(1, ShiftUnit.Weeks), day.PlusDays(-10).At(LocalTime.Midnight), zone, window);
        var from = Oracle(zone, day.At(opens));
        var to = Oracle(zone, (closes < opens ? day.PlusDays(1) : day).At(closes));
        for (var at = from.Minus(Duration.FromHours(3)); at < to.Plus(Duration.FromHours(3)); at = at.Plus(Duration.FromMinutes(1)))
        {
            var open = layer.ShiftAt(at) is not null;
            var wanted = at >= from && at < to;
            if (open != wanted) Assert.Fail($"{zone.Id} window {opens}–{closes} on {day}: at {at} open={open}, expected {wanted} ({from} to {to})");
        }
    }

    /// <summary>The first instant, stepping a minute at a time, whose wall-clock reading is at or past <paramref name="local"/>.</summary>
    private static Instant Oracle(DateTimeZone zone, LocalDateTime local)
    {
        // Start before any offset the zone uses in these years could place the wall-clock time.
        var largestOffset = zone.GetZoneIntervals(Years).Max(i => i.WallOffset);
        var at = local.InUtc().ToInstant().Minus(Duration.FromSeconds(largestOffset.Seconds)).Minus(Duration.FromHours(1));
        var step = Duration.FromMinutes(1);
        while (at.InZone(zone).LocalDateTime < local) at = at.Plus(step);
        return at;
    }

    private static IEnumerable<Instant> Transitions(DateTimeZone zone) =>
        zone.GetZoneIntervals(Years).Where(i => i.HasStart && Years.Contains(i.Start)).Select(i => i.Start);
}
