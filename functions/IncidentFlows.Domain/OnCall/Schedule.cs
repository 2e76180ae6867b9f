using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// A named on-call schedule in an IANA zone: layers from bottom (index 0) to top — a higher layer wins
/// wherever it covers — and overrides on top, applied in order. Layers may carry their own zone
/// (follow-the-sun regions); otherwise they use the schedule's.
/// </summary>
public sealed class Schedule
{
    private readonly Layer[] layers;
    private readonly Override[] overrides;

    public Schedule(string id, string name, DateTimeZone zone, IReadOnlyList<Layer> layers, IReadOnlyList<Override>? overrides = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) throw new ArgumentException("A schedule needs at least one layer.", nameof(layers));
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? id : name;
        Zone = zone;
        this.layers = [.. layers];
        this.overrides = overrides is null ? [] : [.. overrides];
    }

    public string Id { get; }

    public string Name { get; }

    public DateTimeZone Zone { get; }

    /// <summary>Bottom first; the last layer is the top one.</summary>
    public IReadOnlyList<Layer> Layers => layers;

    public IReadOnlyList<Override> Overrides => overrides;

    /// <summary>The same schedule with one more override on top of the existing ones.</summary>
    public Schedule With(Override change) => new(Id, Name, Zone, layers, [.. overrides, change]);

    /// <summary>Everyone on call at <paramref name="at"/>, with the layer or override and its span. Empty is a gap.</summary>
    public IReadOnlyList<OnCallShift> WhoIsOnCall(Instant at)
    {
        var onCall = new List<OnCallShift>(2);
        for (var i = layers.Length - 1; i >= 0; i--)
        {
            if (layers[i].ShiftAt(at) is { } shift)
            {
                onCall.Add(new OnCallShift(shift.PersonId, new ShiftSource.Rotation(shift.Layer), shift.Span));
                break;
            }
        }

        foreach (var change in overrides)
        {
            if (change.Span.Contains(at)) Apply(change, onCall);
        }

        return onCall;
    }

    /// <summary>Coverage over the interval as ordered, contiguous segments; gaps are segments with nobody.</summary>
    public Coverage CoverageOver(Interval interval)
    {
        var edges = new List<Instant> { interval.Start };
        foreach (var layer in layers) edges.AddRange(layer.ChangesWithin(interval));
        foreach (var change in overrides)
        {
            if (interval.Contains(change.Span.Start)) edges.Add(change.Span.Start);
            if (interval.Contains(change.Span.End)) edges.Add(change.Span.End);
        }

        edges.Sort();
        var segments = new List<CoverageSegment>();
        IReadOnlyList<string>? current = null;
        var currentStart = interval.Start;
        for (var i = 0; i < edges.Count; i++)
        {
            if (i > 0 && edges[i] == edges[i - 1]) continue;
            var people = PeopleAt(edges[i]);
            if (current is not null && people.SequenceEqual(current)) continue;
            if (current is not null) segments.Add(CoverageSegment.Of(new Interval(currentStart, edges[i]), current));
            current = people;
            currentStart = edges[i];
        }

        segments.Add(CoverageSegment.Of(new Interval(currentStart, interval.End), current ?? []));
        return new Coverage(Id, interval, segments);
    }

    /// <summary>Every change of who is on call inside the interval.</summary>
    public IReadOnlyList<Handoff> HandoffsWithin(Interval interval) => CoverageOver(interval).Handoffs();

    /// <summary>
    /// The next <paramref name="count"/> handoffs after <paramref name="from"/>, looking at most
    /// <paramref name="horizon"/> ahead (a year when not given).
    /// </summary>
    public IReadOnlyList<Handoff> NextHandoffs(Instant from, int count, Duration? horizon = null)
    {
        var found = new List<Handoff>(count);
        var end = from.Plus(horizon ?? Duration.FromDays(366));
        var step = Duration.FromDays(28);
        for (var start = from; start < end && found.Count < count; start = start.Plus(step))
        {
            var chunkEnd = start.Plus(step) < end ? start.Plus(step) : end;
            // Each chunk starts a tick early so a change exactly on a chunk edge is seen as a change.
            var chunk = HandoffsWithin(new Interval(start.Minus(Duration.Epsilon), chunkEnd));
            var previousEnd = found.Count == 0 ? (Instant?)null : found[^1].At;
            found.AddRange(chunk.Where(h => h.At > from && (previousEnd is null || h.At > previousEnd)).Take(count - found.Count));
        }

        return found;
    }

    private List<string> PeopleAt(Instant at)
    {
        var onCall = WhoIsOnCall(at);
        var people = new List<string>(onCall.Count);
        foreach (var shift in onCall) people.Add(shift.PersonId);
        return people;
    }

    private static void Apply(Override change, List<OnCallShift> onCall)
    {
        switch (change)
        {
            case Override.Add add when !onCall.Exists(s => s.PersonId == add.PersonId):
                onCall.Add(new OnCallShift(add.PersonId, new ShiftSource.Added(), add.Span));
                break;
            case Override.Remove remove:
                onCall.RemoveAll(s => s.PersonId == remove.PersonId);
                break;
            case Override.Replace replace:
                var index = onCall.FindIndex(s => s.PersonId == replace.PersonId);
                if (index < 0) break;
                var replaced = onCall[index];
                onCall.RemoveAt(index);
                if (onCall.Exists(s => s.PersonId == replace.ReplacementId)) break;
                var span = new Interval(
                    replaced.Span.Start > replace.Span.Start ? replaced.Span.Start : replace.Span.Start,
                    replaced.Span.End < replace.Span.End ? replaced.Span.End : replace.Span.End);
                onCall.Insert(index, new OnCallShift(replace.ReplacementId, new ShiftSource.Covering(LayerOf(replaced.Source), replace.PersonId), span));
                break;
        }
    }

    private static string LayerOf(ShiftSource source) => source switch
    {
        ShiftSource.Rotation rotation => rotation.Layer,
        ShiftSource.Covering covering => covering.Layer,
        _ => "override",
    };
}
