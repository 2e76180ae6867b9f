using FsCheck;
using FsCheck.Fluent;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using Interval = NodaTime.Interval;

namespace IncidentFlows.Domain.Tests.OnCall;

public class CoveragePropertyTests
{
    private static readonly string[] Zones = ["America/Los_Angeles", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "Asia/Tokyo", "UTC"];
    private static readonly Instant Origin = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static readonly Gen<Layer> AnyLayer =
        from zone in Gen.Elements(Zones)
        from unit in Gen.Elements(ShiftUnit.Hours, ShiftUnit.Days, ShiftUnit.Weeks)
        from count in Gen.Choose(1, 14)
        from people in Gen.Choose(1, 4)
        from startDay in Gen.Choose(0, 60)
        from minuteOfDay in Gen.Choose(0, (24 * 60) - 1)
        from restricted in Gen.Elements(true, false)
        from windowFrom in Gen.Choose(0, 23)
        from windowTo in Gen.Choose(0, 23)
        select new Layer(
            "L",
            [.. Enumerable.Range(0, people).Select(i => $"p{i}")],
            new ShiftLength(count, unit),
            new LocalDate(2026, 1, 1).PlusDays(startDay).At(LocalTime.FromMinutesSinceMidnight(minuteOfDay)),
            DateTimeZoneProviders.Tzdb[zone],
            restricted ? new Restriction(Restriction.EveryDay, new DailyWindow(new LocalTime(windowFrom, 0), new LocalTime(windowTo, 0))) : null);

    private static readonly Gen<Override> AnyOverride =
        from kind in Gen.Choose(0, 2)
        from startHour in Gen.Choose(0, 24 * 120)
        from hours in Gen.Choose(1, 24 * 10)
        from person in Gen.Elements("p0", "p1", "p9")
        let span = new Interval(Origin.Plus(Duration.FromHours(startHour)), Origin.Plus(Duration.FromHours(startHour + hours)))
        select kind switch
        {
            0 => (Override)new Override.Add(person, span),
            1 => new Override.Remove(person, span),
            _ => new Override.Replace(person, "p8", span),
        };

    private static readonly Gen<Schedule> AnySchedule =
        from layers in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(AnyLayer, n))
        from overrides in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(AnyOverride, n))
        select new Schedule("s", "S", layers[0].Zone, layers, overrides);

    private static readonly Interval FirstHalfOf2026 = new(Origin, Instant.FromUtc(2026, 7, 1, 0, 0));

    [Fact]
    public void A_single_layer_rotation_without_restrictions_has_no_gaps_after_its_first_handoff()
    {
        Prop.ForAll(AnyLayer.Where(l => l.Restriction is null).ToArbitrary(), layer =>
        {
            var from = WallClock.ToInstant(layer.FirstHandoff, layer.Zone);
            var coverage = new Schedule("s", "S", layer.Zone, [layer]).CoverageOver(new Interval(from, from.Plus(Duration.FromDays(120))));
            return coverage.IsGapFree;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Coverage_segments_are_contiguous_ordered_and_each_different_from_the_last()
    {
        Prop.ForAll(AnySchedule.ToArbitrary(), schedule =>
        {
            var segments = schedule.CoverageOver(FirstHalfOf2026).Segments;
            return segments[0].Span.Start == FirstHalfOf2026.Start
                && segments[^1].Span.End == FirstHalfOf2026.End
                && segments.All(s => s.Span.Start < s.Span.End)
                && segments.Zip(segments.Skip(1)).All(p => p.First.Span.End == p.Second.Span.Start && !p.First.People.SequenceEqual(p.Second.People));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Coverage_agrees_with_who_is_on_call_at_every_segment_start_and_last_instant()
    {
        Prop.ForAll(AnySchedule.ToArbitrary(), schedule =>
            schedule.CoverageOver(FirstHalfOf2026).Segments.All(s =>
                s.People.SequenceEqual(schedule.WhoIsOnCall(s.Span.Start).Select(o => o.PersonId))
                && s.People.SequenceEqual(schedule.WhoIsOnCall(s.Span.End.Minus(Duration.Epsilon)).Select(o => o.PersonId))))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_override_never_leaves_a_gap_it_did_not_create()
    {
        Prop.ForAll(AnySchedule.ToArbitrary(), AnyOverride.ToArbitrary(), (schedule, change) =>
        {
            var before = schedule.CoverageOver(FirstHalfOf2026).Gaps.Select(g => g.Span).ToList();
            var after = schedule.With(change).CoverageOver(FirstHalfOf2026).Gaps.Select(g => g.Span);
            var itsOwn = change is Override.Remove remove ? [remove.Span] : new List<Interval>();
            return after.All(gap => Inside(gap, [.. before, .. itsOwn]));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Whether every instant of <paramref name="gap"/> lies in one of <paramref name="spans"/>.</summary>
    private static bool Inside(Interval gap, List<Interval> spans)
    {
        var cursor = gap.Start;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start > cursor) break;
            if (span.End > cursor) cursor = span.End;
        }

        return cursor >= gap.End;
    }
}
