using NodaTime;
using NodaTime.TimeZones;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// When a layer applies: on some weekdays, within a daily window, in the layer's own zone (not UTC-only).
/// A window that crosses midnight belongs to the weekday it opens on.
/// </summary>
public sealed class Restriction
{
    private readonly bool[] days = new bool[8];

    public Restriction(IEnumerable<IsoDayOfWeek> weekdays, DailyWindow window)
    {
        ArgumentNullException.ThrowIfNull(weekdays);
        foreach (var day in weekdays) days[(int)day] = true;
        if (!days.Any(d => d)) throw new ArgumentException("A restriction needs at least one weekday.", nameof(weekdays));
        Window = window;
    }

    public static IReadOnlyList<IsoDayOfWeek> EveryDay { get; } =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    public IReadOnlyList<IsoDayOfWeek> Weekdays => EveryDay.Where(d => days[(int)d]).ToList();

    public DailyWindow Window { get; }

    public bool AppliesOn(IsoDayOfWeek day) => days[(int)day];

    /// <summary>The window occurrence containing <paramref name="at"/>, or null when the layer is off.</summary>
    public Interval? OpenWindowAt(Instant at, DateTimeZone zone, ZoneInterval hint)
    {
        var today = at.Plus(hint.WallOffset.ToDuration()).InUtc().Date;
        return OpenOn(today, at, zone, hint) ?? OpenOn(today.PlusDays(-1), at, zone, hint);
    }

    /// <summary>Every instant in the interval where a window opens or closes.</summary>
    public IEnumerable<Instant> EdgesWithin(Interval interval, DateTimeZone zone)
    {
        var first = WallClock.LocalAt(interval.Start, zone).Date.PlusDays(-1);
        var last = WallClock.LocalAt(interval.End, zone).Date;
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (!AppliesOn(date.DayOfWeek)) continue;
            var (opens, closes) = Window.On(date);
            var from = WallClock.ToInstant(opens, zone);
            var to = WallClock.ToInstant(closes, zone);
            if (interval.Contains(from)) yield return from;
            if (interval.Contains(to)) yield return to;
        }
    }

    private Interval? OpenOn(LocalDate date, Instant at, DateTimeZone zone, ZoneInterval hint)
    {
        if (!AppliesOn(date.DayOfWeek)) return null;
        var (opens, closes) = Window.On(date);
        var from = WallClock.ToInstant(opens, zone, hint);
        if (at < from) return null;
        var to = WallClock.ToInstant(closes, zone, hint);
        return at < to ? new Interval(from, to) : null;
    }
}
