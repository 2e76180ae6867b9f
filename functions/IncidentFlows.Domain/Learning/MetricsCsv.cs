using System.Globalization;
using System.Text;
using IncidentFlows.Domain.Incidents;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.Domain.Learning;

/// <summary>The CSV exports behind <c>GET /api/metrics</c>: the summary, and one record per counted incident.</summary>
public static class MetricsCsv
{
    /// <summary>Records of <c>metric,key,value</c>: durations in whole seconds, empty when not measured.</summary>
    public static string Summary(MetricsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        Csv.AppendRecord(sb, "metric", "key", "value");
        Csv.AppendRecord(sb, "period_start", "", Utc(report.Period.Start));
        Csv.AppendRecord(sb, "period_end", "", Utc(report.Period.End));
        Csv.AppendRecord(sb, "incidents", "", Number(report.Incidents));
        Csv.AppendRecord(sb, "excluded_drills_and_tutorials", "", Number(report.Excluded));
        Csv.AppendRecord(sb, "declined", "", Number(report.Declined));
        Csv.AppendRecord(sb, "mtta_seconds", "", Seconds(report.MeanTimeToAcknowledge));
        Csv.AppendRecord(sb, "mean_time_to_muster_seconds", "", Seconds(report.MeanTimeToMuster));
        Csv.AppendRecord(sb, "mttr_seconds", "", Seconds(report.MeanTimeToResolve));
        Csv.AppendRecord(sb, "mtbf_seconds", "", Seconds(report.MeanTimeBetweenFailures));
        Csv.AppendRecord(sb, "mean_time_to_learn_seconds", "", Seconds(report.MeanTimeToLearn));
        Csv.AppendRecord(sb, "time_to_learn_running", "", Number(report.TimeToLearnRunning));
        Csv.AppendRecord(sb, "mean_time_to_improve_seconds", "", Seconds(report.MeanTimeToImprove));
        Csv.AppendRecord(sb, "time_to_improve_running", "", Number(report.TimeToImproveRunning));
        Csv.AppendRecord(sb, "without_action_items", "", Number(report.WithoutActionItems));
        Counts(sb, "by_severity", report.BySeverity);
        Counts(sb, "by_service", report.ByService);
        Counts(sb, "by_week", report.ByWeek);
        return sb.ToString();
    }

    /// <summary>
    /// One record per real, not declined incident reported in the period, oldest first. The time to learn and to improve
    /// have their progress beside them (running, no action items, …), so an empty figure says why it is empty.
    /// </summary>
    public static string Incidents(IEnumerable<Incident> incidents, Interval period)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var sb = new StringBuilder();
        Csv.AppendRecord(sb, "id", "title", "severity", "service", "status", "reported_utc", "acknowledged_utc", "first_joined_utc",
            "mitigated_utc", "resolved_utc", "tta_seconds", "time_to_muster_seconds", "ttm_seconds", "ttr_seconds",
            "postmortem_reviewed_utc", "action_items_done_utc", "time_to_learn_seconds", "time_to_learn", "time_to_improve_seconds", "time_to_improve");
        var counted = IncidentMetrics.Counted(incidents.Where(i => period.Contains(i.Times.Reported)))
            .OrderBy(i => i.Times.Reported).ThenBy(i => i.Id.Value, StringComparer.Ordinal);
        foreach (var incident in counted)
        {
            var t = incident.Times;
            var d = KeyDurations.From(t);
            var f = FollowUpTimes.Of(incident);
            Csv.AppendRecord(sb, Csv.Text(incident.Id.Value), Csv.Text(incident.Title), incident.Severity.Display(), Csv.Text(incident.Service),
                incident.Status.Display(), Utc(t.Reported), Utc(t.Acknowledged), Utc(t.FirstJoined), Utc(t.Mitigated), Utc(t.Resolved),
                Seconds(d.TimeToAcknowledge), Seconds(d.TimeToMuster), Seconds(d.TimeToMitigate), Seconds(d.TimeToResolve),
                Utc(t.PostmortemReviewed), Utc(t.ActionItemsDone), Seconds(f.TimeToLearn.Duration), f.TimeToLearn.Progress.Display(),
                Seconds(f.TimeToImprove.Duration), f.TimeToImprove.Progress.Display());
        }

        return sb.ToString();
    }

    private static void Counts(StringBuilder sb, string metric, IEnumerable<MetricCount> counts)
    {
        foreach (var count in counts)
        {
            Csv.AppendRecord(sb, metric, Csv.Text(count.Key), Number(count.Count));
        }
    }

    private static string Utc(Instant? at) => at is { } instant ? InstantPattern.General.Format(instant) : "";

    private static string Seconds(Duration? duration) => duration is { } d ? Number((long)d.TotalSeconds) : "";

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
