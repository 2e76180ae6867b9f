using System.Globalization;
using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using NodaTime;
using NodaTime.Calendars;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// Computes <see cref="MetricsReport"/>s from incidents' states (or their histories, folded). Pure:
/// the App layer loads the incidents reported in the period and passes them in.
/// </summary>
public static class IncidentMetrics
{
    /// <summary>The key for incidents declared without a service.</summary>
    public const string NoService = "(none)";

    public static MetricsReport Over(IEnumerable<IReadOnlyList<IncidentEvent>> histories, Interval period, DateTimeZone weeksIn) =>
        Over(histories.Select(IncidentEvolution.Fold), period, weeksIn);

    /// <param name="incidents">Any incidents; only those reported in [start, end) of the period count.</param>
    /// <param name="period">The period, start inclusive, end exclusive; both ends must be set.</param>
    /// <param name="weeksIn">The zone whose calendar the ISO weeks follow (the team's).</param>
    public static MetricsReport Over(IEnumerable<Incident> incidents, Interval period, DateTimeZone weeksIn)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(weeksIn);
        if (!period.HasStart || !period.HasEnd)
        {
            throw new ArgumentException("A metrics period has a start and an end.", nameof(period));
        }

        var reported = incidents.Where(i => period.Contains(i.Times.Reported)).ToList();
        var counted = Counted(reported).OrderBy(i => i.Times.Reported).ThenBy(i => i.Id.Value, StringComparer.Ordinal).ToList();
        var durations = counted.Select(i => KeyDurations.From(i.Times)).ToList();
        var followUps = counted.Select(FollowUpTimes.Of).ToList();

        return new MetricsReport(
            period,
            counted.Count,
            Excluded: reported.Count(i => i.Kind != IncidentKind.Real),
            Declined: reported.Count(i => i.Kind == IncidentKind.Real && i.Status == IncidentStatus.Declined),
            Mean(durations.Select(d => d.TimeToAcknowledge)),
            Mean(durations.Select(d => d.TimeToMuster)),
            Mean(durations.Select(d => d.TimeToResolve)),
            Mean(counted.Zip(counted.Skip(1), (earlier, later) => (Duration?)(later.Times.Reported - earlier.Times.Reported))),
            Mean(followUps.Select(f => f.TimeToLearn.Duration)),
            followUps.Count(f => f.TimeToLearn.IsRunning),
            Mean(followUps.Select(f => f.TimeToImprove.Duration)),
            followUps.Count(f => f.TimeToImprove.IsRunning),
            followUps.Count(f => f.TimeToImprove.Progress == FollowUpProgress.NoActionItems),
            ValueList.From(Enum.GetValues<Severity>().Select(s => new MetricCount(s.Display(), counted.Count(i => i.Severity == s)))),
            ValueList.From(counted.GroupBy(i => i.Service ?? NoService, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MetricCount(g.Key, g.Count()))),
            ValueList.From(WeeksOf(period, weeksIn).Select(week => new MetricCount(week, counted.Count(i => IsoWeek(i.Times.Reported, weeksIn) == week)))));
    }

    /// <summary>Real, not declined: drills and tutorials exercise the process; a declined report was no incident.</summary>
    public static IEnumerable<Incident> Counted(IEnumerable<Incident> incidents) =>
        incidents.Where(i => i.Kind == IncidentKind.Real && i.Status != IncidentStatus.Declined);

    /// <summary>"2026-W47": the ISO week-year and week of an instant in a zone.</summary>
    public static string IsoWeek(Instant at, DateTimeZone zone) => IsoWeek(at.InZone(zone).Date);

    private static string IsoWeek(LocalDate date)
    {
        var rule = WeekYearRules.Iso;
        return string.Create(CultureInfo.InvariantCulture, $"{rule.GetWeekYear(date)}-W{rule.GetWeekOfWeekYear(date):00}");
    }

    /// <summary>Every ISO week the period touches, in order, so a chart has a bar (maybe zero) per week.</summary>
    private static List<string> WeeksOf(Interval period, DateTimeZone zone)
    {
        var first = period.Start.InZone(zone).Date;
        var last = (period.End - Duration.Epsilon).InZone(zone).Date;
        var weeks = new List<string>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var week = IsoWeek(date);
            if (weeks.Count == 0 || weeks[^1] != week)
            {
                weeks.Add(week);
            }
        }

        return weeks;
    }

    /// <summary>The mean of the measured durations, truncated to whole seconds; null when none was measured.</summary>
    private static Duration? Mean(IEnumerable<Duration?> durations)
    {
        var measured = durations.OfType<Duration>().ToList();
        if (measured.Count == 0)
        {
            return null;
        }

        var totalSeconds = measured.Sum(d => (long)d.TotalSeconds);
        return Duration.FromSeconds(totalSeconds / measured.Count);
    }
}
