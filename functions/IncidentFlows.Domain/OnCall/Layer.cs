using NodaTime;
using NodaTime.TimeZones;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// A rotation: participants take turns, each for <see cref="Shift"/>, starting with the first participant at
/// <see cref="FirstHandoff"/> (a local date-time in <see cref="Zone"/>). Every handoff happens at the same
/// local wall-clock time, following <see cref="WallClock"/>'s DST rule. Before the first handoff the layer
/// covers nothing. An optional <see cref="Restriction"/> limits it to weekdays and a daily window.
/// </summary>
public sealed class Layer
{
    private readonly string[] participants;
    private readonly Instant firstHandoffInstant;
    private readonly Instant anchorAsUtc;
    private readonly long shiftNanoseconds;

    public Layer(
        string name,
        IReadOnlyList<string> participants,
        ShiftLength shift,
        LocalDateTime firstHandoff,
        DateTimeZone zone,
        Restriction? restriction = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(zone);
        if (participants.Count == 0) throw new ArgumentException("A layer needs at least one participant.", nameof(participants));
        if (shift.Count < 1) throw new ArgumentException("A shift length needs a positive count.", nameof(shift));
        Name = name;
        this.participants = [.. participants];
        Shift = shift;
        FirstHandoff = firstHandoff;
        Zone = zone;
        Restriction = restriction;
        firstHandoffInstant = WallClock.ToInstant(firstHandoff, zone);
        anchorAsUtc = firstHandoff.InUtc().ToInstant();
        shiftNanoseconds = shift.LocalHours * NodaConstants.NanosecondsPerHour;
    }

    public string Name { get; }

    public IReadOnlyList<string> Participants => participants;

    public ShiftLength Shift { get; }

    public LocalDateTime FirstHandoff { get; }

    public DateTimeZone Zone { get; }

    public Restriction? Restriction { get; }

    /// <summary>The instant of handoff <paramref name="number"/> (0 is the first).</summary>
    public Instant Handoff(long number) => WallClock.ToInstant(LocalHandoff(number), Zone);

    /// <summary>Who this layer puts on call at <paramref name="at"/>, or null where it does not cover.</summary>
    public LayerShift? ShiftAt(Instant at)
    {
        if (at < firstHandoffInstant) return null;
        var hint = Zone.GetZoneInterval(at);
        Interval? window = null;
        if (Restriction is not null)
        {
            window = Restriction.OpenWindowAt(at, Zone, hint);
            if (window is null) return null;
        }

        var localAsUtc = at.Plus(hint.WallOffset.ToDuration());
        var number = Math.Max(0, FloorDivide((localAsUtc - anchorAsUtc).ToInt64Nanoseconds(), shiftNanoseconds));
        var start = HandoffNear(number, hint);
        while (number > 0 && start > at) start = HandoffNear(--number, hint);
        var end = HandoffNear(number + 1, hint);
        while (end <= at)
        {
            start = end;
            end = HandoffNear(++number + 1, hint);
        }

        var span = window is { } open
            ? new Interval(Later(start, open.Start), Earlier(end, open.End))
            : new Interval(start, end);
        return new LayerShift(Name, PersonFor(number), number, span);
    }

    /// <summary>Every instant inside the interval where this layer's answer may change.</summary>
    public IEnumerable<Instant> ChangesWithin(Interval interval)
    {
        if (interval.End <= firstHandoffInstant) yield break;
        if (interval.Contains(firstHandoffInstant)) yield return firstHandoffInstant;
        var from = Later(interval.Start, firstHandoffInstant);
        var localAsUtc = WallClock.LocalAt(from, Zone).InUtc().ToInstant();
        var number = Math.Max(0, FloorDivide((localAsUtc - anchorAsUtc).ToInt64Nanoseconds(), shiftNanoseconds) - 1);
        for (var handoff = Handoff(number); handoff < interval.End; handoff = Handoff(++number))
        {
            if (interval.Contains(handoff)) yield return handoff;
        }

        if (Restriction is null) yield break;
        foreach (var edge in Restriction.EdgesWithin(new Interval(from, interval.End), Zone)) yield return edge;
    }

    public string PersonFor(long shiftNumber) => participants[(int)(shiftNumber % participants.Length)];

    private LocalDateTime LocalHandoff(long number) => FirstHandoff.PlusHours(number * Shift.LocalHours);

    private Instant HandoffNear(long number, ZoneInterval hint) => WallClock.ToInstant(LocalHandoff(number), Zone, hint);

    private static long FloorDivide(long dividend, long divisor) =>
        dividend / divisor - (dividend % divisor < 0 ? 1 : 0);

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    private static Instant Earlier(Instant a, Instant b) => a < b ? a : b;
}
