using System.Text.Json.Serialization;
using IncidentFlows.Domain.Learning;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.App.Api;

/// <summary>
/// <c>GET /api/metrics</c> as JSON: durations in ISO 8601 (<c>PT7S</c>) that any client library parses, and a
/// figure that could not be measured written as <c>null</c>, so "no data" is visible and never mistaken for
/// a field the server forgot. Time to learn and time to improve (from the resolution) count the incidents for which they are
/// still running instead of making a figure of them, and time to improve says how many incidents had no action items.
/// </summary>
public sealed record MetricsView(
    MetricsPeriod Period,
    int Incidents,
    int Excluded,
    int Declined,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MeanTimeToAcknowledge,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MeanTimeToMuster,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MeanTimeToResolve,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MeanTimeBetweenFailures,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MeanTimeToLearn,
    int TimeToLearnRunning,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MeanTimeToImprove,
    int TimeToImproveRunning,
    int WithoutActionItems,
    IReadOnlyList<MetricCount> BySeverity,
    IReadOnlyList<MetricCount> ByService,
    IReadOnlyList<MetricCount> ByWeek)
{
    public static MetricsView Of(MetricsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            new MetricsPeriod(report.Period.Start, report.Period.End),
            report.Incidents,
            report.Excluded,
            report.Declined,
            Iso(report.MeanTimeToAcknowledge),
            Iso(report.MeanTimeToMuster),
            Iso(report.MeanTimeToResolve),
            Iso(report.MeanTimeBetweenFailures),
            Iso(report.MeanTimeToLearn),
            report.TimeToLearnRunning,
            Iso(report.MeanTimeToImprove),
            report.TimeToImproveRunning,
            report.WithoutActionItems,
            [.. report.BySeverity],
            [.. report.ByService],
            [.. report.ByWeek]);
    }

    /// <summary>
    /// Whole seconds in days, hours, minutes and seconds (<c>PT2H3M7S</c>): a mean is not more precise than that. Zero is
    /// <c>PT0S</c>, not NodaTime's <c>P0D</c>, so a client that reads time units always finds some.
    /// </summary>
    public static string? Iso(Duration? duration) => duration is { } d
        ? (long)Math.Round(d.TotalSeconds, MidpointRounding.AwayFromZero) is var seconds && seconds == 0
            ? "PT0S"
            : PeriodPattern.NormalizingIso.Format(NodaTime.Period.FromSeconds(seconds))
        : null;
}

/// <summary>The period the metrics cover: from (inclusive) to (exclusive).</summary>
public sealed record MetricsPeriod(Instant From, Instant To);
