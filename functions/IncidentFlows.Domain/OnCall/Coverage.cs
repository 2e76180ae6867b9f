using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// Who is on call over an interval: segments ordered by time, contiguous (each ends where the next starts,
/// the first starts at <see cref="Span"/>'s start, the last ends at its end), adjacent ones always different.
/// </summary>
public sealed class Coverage
{
    public Coverage(string scheduleId, Interval span, IReadOnlyList<CoverageSegment> segments)
    {
        ScheduleId = scheduleId;
        Span = span;
        Segments = segments;
    }

    public string ScheduleId { get; }

    public Interval Span { get; }

    public IReadOnlyList<CoverageSegment> Segments { get; }

    /// <summary>The gaps, as configuration problems to report.</summary>
    public IReadOnlyList<CoverageGap> Gaps =>
        Segments.OfType<CoverageSegment.Gap>().Select(g => new CoverageGap(ScheduleId, g.Span)).ToList();

    public bool IsGapFree => !Segments.OfType<CoverageSegment.Gap>().Any();

    /// <summary>Each change between adjacent segments as a handoff.</summary>
    public IReadOnlyList<Handoff> Handoffs()
    {
        var handoffs = new List<Handoff>(Segments.Count);
        for (var i = 1; i < Segments.Count; i++)
        {
            var before = Segments[i - 1].People;
            var after = Segments[i].People;
            var goingOff = before.Except(after).ToList();
            var comingOn = after.Except(before).ToList();
            if (goingOff.Count > 0 || comingOn.Count > 0) handoffs.Add(new Handoff(Segments[i].Span.Start, goingOff, comingOn)); // not a reorder
        }

        return handoffs;
    }

    /// <summary>The contiguous spans each person is on call, in start order (what a calendar shows).</summary>
    public IReadOnlyList<(string PersonId, Interval Span)> ShiftsByPerson()
    {
        var open = new Dictionary<string, Instant>();
        var shifts = new List<(string, Interval)>();
        foreach (var segment in Segments)
        {
            foreach (var person in open.Keys.Except(segment.People).ToList())
            {
                shifts.Add((person, new Interval(open[person], segment.Span.Start)));
                open.Remove(person);
            }

            foreach (var person in segment.People) open.TryAdd(person, segment.Span.Start);
        }

        shifts.AddRange(open.Select(o => (o.Key, new Interval(o.Value, Span.End))));
        return [.. shifts.OrderBy(s => s.Item2.Start).ThenBy(s => s.Item1, StringComparer.Ordinal)];
    }
}
