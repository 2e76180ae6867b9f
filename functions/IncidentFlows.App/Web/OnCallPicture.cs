using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.App.Web;

/// <summary>One coloured stretch of a schedule's lane: who is on call (or nobody: a gap), as a share of the window.</summary>
public sealed record Band(Interval Span, IReadOnlyList<string> People, double LeftPercent, double WidthPercent, int Colour)
{
    public bool IsGap => People.Count == 0;
}

/// <summary>A schedule's lane: its bands, its own zone's DST changes within the window, and its local hours at each tick.</summary>
public sealed record Lane(Schedule Schedule, IReadOnlyList<Band> Bands, IReadOnlyList<(Instant At, double LeftPercent, string Text)> ZoneChanges, IReadOnlyList<string> LocalTicks);

/// <summary>Who a policy level pages now, and who it will page after the next handoff.</summary>
public sealed record LevelOnCall(EscalationPolicy Policy, int Level, IReadOnlyList<Responder> Now, Instant? NextAt, IReadOnlyList<Responder> Next);

/// <summary>
/// The on-call picture at an instant, in the viewer's zone: now and next per policy level, and every
/// schedule's coverage over a window (a week from the viewer's day, or one day) as bands. Pure: all
/// computed from the team's configuration.
/// </summary>
public sealed record OnCallPicture(Instant At, DateTimeZone Viewer, Interval Window, IReadOnlyList<LevelOnCall> Levels, IReadOnlyList<Lane> Lanes, IReadOnlyList<string> Ticks)
{
    public static OnCallPicture Of(TeamConfiguration configuration, Instant at, DateTimeZone viewer, LocalDate? day)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var firstDay = day ?? at.InZone(viewer).Date;
        var days = day is null ? 7 : 1;
        var window = new Interval(viewer.AtStartOfDay(firstDay).ToInstant(), viewer.AtStartOfDay(firstDay.PlusDays(days)).ToInstant());
        // A week's ticks are the viewer's midnights (a day across a clock change is 23 or 25 hours); a day's are every 3 hours.
        List<Instant> ticks = days == 1 ? TicksOf(window, Duration.FromHours(3)) : [.. Enumerable.Range(0, 7).Select(d => viewer.AtStartOfDay(firstDay.PlusDays(d)).ToInstant())];
        var directory = new OnCallDirectory(configuration);
        var colours = configuration.People.Keys.Order(StringComparer.Ordinal).Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i % 6, StringComparer.Ordinal);
        var levels = configuration.Policies.Values.SelectMany(p => p.Levels.Select((_, level) => Level(configuration, directory, p, level, at))).ToList();
        var lanes = configuration.Schedules.Values.OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new Lane(s, Bands(s, window, colours), ZoneChanges(s.Zone, window), [.. ticks.Select(t => t.InZone(s.Zone).ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture))]))
            .ToList();
        return new OnCallPicture(at, viewer, window, levels, lanes, [.. ticks.Select(t => t.InZone(viewer).ToString(days == 1 ? "HH:mm" : "ddd d MMM", System.Globalization.CultureInfo.InvariantCulture))]);
    }

    /// <summary>Where <paramref name="at"/> falls in the window, as a percentage (for the "now" marker).</summary>
    public double PercentOf(Instant at) => Percent(Window, at);

    private static LevelOnCall Level(TeamConfiguration configuration, OnCallDirectory directory, EscalationPolicy policy, int level, Instant at)
    {
        var next = policy.Levels[level].Targets.OfType<EscalationTarget.Schedule>()
            .Select(t => configuration.Schedules[t.ScheduleId].NextHandoffs(at, 1, Duration.FromDays(31)) is [var first, ..] ? first.At : (Instant?)null)
            .Where(t => t is not null).Min();
        return new LevelOnCall(policy, level, directory.RespondersAt(policy.Id, level, at), next, next is { } n ? directory.RespondersAt(policy.Id, level, n) : []);
    }

    private static List<Band> Bands(Schedule schedule, Interval window, Dictionary<string, int> colours) =>
        [.. schedule.CoverageOver(window).Segments.Select(s => new Band(
            s.Span, s.People, Percent(window, s.Span.Start), Percent(window, s.Span.End) - Percent(window, s.Span.Start),
            s.People.Count == 0 ? -1 : colours.GetValueOrDefault(s.People[0])))];

    /// <summary>The zone's offset changes (DST starts and ends) inside the window.</summary>
    private static List<(Instant, double, string)> ZoneChanges(DateTimeZone zone, Interval window)
    {
        var changes = new List<(Instant, double, string)>();
        foreach (var interval in zone.GetZoneIntervals(window).Skip(1))
        {
            var before = zone.GetUtcOffset(interval.Start - Duration.Epsilon);
            var text = $"{zone.Id}: UTC{before} → UTC{interval.WallOffset} ({(interval.WallOffset > before ? "clocks forward" : "clocks back")})";
            changes.Add((interval.Start, Percent(window, interval.Start), text));
        }

        return changes;
    }

    private static List<Instant> TicksOf(Interval window, Duration step)
    {
        var ticks = new List<Instant>();
        for (var t = window.Start; t < window.End; t += step) ticks.Add(t);
        return ticks;
    }

    private static double Percent(Interval window, Instant at) =>
        Math.Clamp((at - window.Start).TotalSeconds / (window.End - window.Start).TotalSeconds * 100, 0, 100);
}
