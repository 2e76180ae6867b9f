using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using static IncidentFlows.Domain.Tests.Learning.SyntheticHistories;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>
/// Time to learn (resolved → postmortem reviewed) and time to improve (resolved → last action item finished), checked by hand:
/// <code>
///   id     kind   resolved   reviewed          action items                          learn      improve
///   INC-1  real   +60m       resolved + 2d     2, last done at resolved + 5d          2d         5d
///   INC-2  real   +30m       resolved + 1d     1, in progress                         1d         running
///   INC-3  real   +10m       —                 none                                   running    none
///   INC-4  real   open       —                 1, backlog                             —          —   (not resolved: neither)
///   INC-5  drill  +5m        resolved + 1h     1, done at resolved + 1h               excluded
///
///   mean time to learn   = (2d + 1d) / 2 = 36h; running 1 (INC-3)
///   mean time to improve = 5d / 1 = 5d;         running 1 (INC-2); without action items 1 (INC-3)
/// </code>
/// </summary>
public class FollowUpMetricsSpecs
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 2, 10, 0);
    private static readonly Interval Month = new(Instant.FromUtc(2026, 11, 1, 0, 0), Instant.FromUtc(2026, 12, 1, 0, 0));
    private static readonly Person Carol = new("carol", "Carol");
    private static readonly ActionItemDetails AddAlert = new("Alert on error rate", Importance.High, Urgency.Medium, ActionItemSize.Hours);

    private static readonly IncidentEvent[][] Histories =
    [
        [
            .. Incident("INC-1", Monday, resolveAfterMinutes: 60),
            Item(1, Monday + Duration.FromHours(2)), Item(2, Monday + Duration.FromHours(3)), Done(1, Monday + Duration.FromDays(1)),
            Reviewed(Monday + Duration.FromMinutes(60) + Duration.FromDays(2)),
            Done(2, Monday + Duration.FromMinutes(60) + Duration.FromDays(5)),
        ],
        [
            .. Incident("INC-2", Monday + Duration.FromDays(1), resolveAfterMinutes: 30),
            Item(1, Monday + Duration.FromDays(1) + Duration.FromHours(1)),
            Reviewed(Monday + Duration.FromDays(2) + Duration.FromMinutes(30)),
            new E.ActionItemUpdated(1, AddAlert with { Status = ActionItemStatus.InProgress }, Carol) { At = Monday + Duration.FromDays(3) },
        ],
        Incident("INC-3", Monday + Duration.FromDays(2), resolveAfterMinutes: 10),
        [.. Incident("INC-4", Monday + Duration.FromDays(3)), Item(1, Monday + Duration.FromDays(3) + Duration.FromHours(1))],
        [
            .. Incident("INC-5", Monday + Duration.FromDays(4), kind: IncidentKind.Drill, resolveAfterMinutes: 5),
            Reviewed(Monday + Duration.FromDays(4) + Duration.FromMinutes(65)),
            Item(1, Monday + Duration.FromDays(4) + Duration.FromMinutes(10)), Done(1, Monday + Duration.FromDays(4) + Duration.FromMinutes(65)),
        ],
    ];

    private static E.PostmortemReviewed Reviewed(Instant at) => new(Carol) { At = at };

    private static E.ActionItemAdded Item(int number, Instant at) => new(number, AddAlert, Carol, null) { At = at };

    private static E.ActionItemUpdated Done(int number, Instant at) => new(number, AddAlert with { Status = ActionItemStatus.Done }, Carol) { At = at };

    private static FollowUpTimes Of(int index) => FollowUpTimes.Of(IncidentEvolution.Fold(Histories[index]));

    private static MetricsReport Report() => IncidentMetrics.Over(Histories, Month, DateTimeZone.Utc);

    [Fact]
    public void Each_incident_has_its_time_to_learn_and_to_improve_from_the_resolution()
    {
        Assert.Equal(new FollowUpTimes(new(FollowUpProgress.Done, Duration.FromDays(2)), new(FollowUpProgress.Done, Duration.FromDays(5))), Of(0));
        Assert.Equal(new FollowUpTimes(new(FollowUpProgress.Done, Duration.FromDays(1)), FollowUpTime.Running), Of(1));
        Assert.Equal(new FollowUpTimes(FollowUpTime.Running, new(FollowUpProgress.NoActionItems)), Of(2));
        Assert.Equal(new FollowUpTimes(FollowUpTime.NotStarted, FollowUpTime.NotStarted), Of(3));
    }

    [Fact]
    public void The_means_are_over_the_incidents_where_the_time_ended_and_the_rest_are_counted_as_running()
    {
        var report = Report();

        Assert.Equal(Duration.FromHours(36), report.MeanTimeToLearn);
        Assert.Equal(1, report.TimeToLearnRunning);
        Assert.Equal(Duration.FromDays(5), report.MeanTimeToImprove);
        Assert.Equal(1, report.TimeToImproveRunning);
        Assert.Equal(1, report.WithoutActionItems);
    }

    [Fact]
    public void Without_a_review_or_a_finished_set_of_action_items_there_is_no_figure_rather_than_zero()
    {
        var resolvedOnly = Incident("INC-8", Monday + Duration.FromDays(1), resolveAfterMinutes: 30);
        var stillImproving = Histories[1].Where(e => e is not E.PostmortemReviewed).ToArray();

        var report = IncidentMetrics.Over([resolvedOnly, stillImproving, Histories[2]], Month, DateTimeZone.Utc);

        Assert.Null(report.MeanTimeToLearn);
        Assert.Equal(3, report.TimeToLearnRunning);
        Assert.Null(report.MeanTimeToImprove);
        Assert.Equal((1, 2), (report.TimeToImproveRunning, report.WithoutActionItems));
    }

    [Fact]
    public void Items_finished_before_the_resolution_make_a_time_to_improve_of_zero_not_a_negative_one()
    {
        var early = FollowUpTimes.Of(IncidentEvolution.Fold([.. Incident("INC-9", Monday, resolveAfterMinutes: 60), Item(1, Monday + Duration.FromMinutes(5)), Done(1, Monday + Duration.FromMinutes(20))]));

        Assert.Equal(new FollowUpTime(FollowUpProgress.Done, Duration.Zero), early.TimeToImprove);
    }

    [Fact]
    public void Items_finished_before_finishing_times_were_recorded_give_no_figure()
    {
        var incident = IncidentEvolution.Fold([.. Incident("INC-9", Monday, resolveAfterMinutes: 60), Item(1, Monday + Duration.FromHours(2)), Done(1, Monday + Duration.FromHours(3))]);
        var fromAnOldSnapshot = incident with
        {
            ActionItems = incident.ActionItems.SetItem(0, incident.ActionItems[0] with { FinishedAt = null }),
            Times = incident.Times with { ActionItemsDone = null },
        };

        Assert.Equal(FollowUpProgress.Unrecorded, FollowUpTimes.Of(fromAnOldSnapshot).TimeToImprove.Progress);
        Assert.Null(IncidentMetrics.Over([fromAnOldSnapshot], Month, DateTimeZone.Utc).MeanTimeToImprove);
    }

    [Fact]
    public void The_summary_csv_has_the_means_and_how_many_are_running()
    {
        var csv = MetricsCsv.Summary(Report());

        Assert.Contains(
            "mean_time_to_learn_seconds,,129600\r\ntime_to_learn_running,,1\r\nmean_time_to_improve_seconds,,432000\r\ntime_to_improve_running,,1\r\nwithout_action_items,,1\r\n",
            csv,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_incidents_csv_says_when_the_postmortem_was_reviewed_and_why_a_figure_is_missing()
    {
        var records = MetricsCsv.Incidents(Histories.Select(IncidentEvolution.Fold), Month).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith(",postmortem_reviewed_utc,action_items_done_utc,time_to_learn_seconds,time_to_learn,time_to_improve_seconds,time_to_improve", records[0], StringComparison.Ordinal);
        Assert.EndsWith(",2026-11-04T11:00:00Z,2026-11-07T11:00:00Z,172800,done,432000,done", records[1], StringComparison.Ordinal);
        Assert.EndsWith(",2026-11-04T10:30:00Z,,86400,done,,running", records[2], StringComparison.Ordinal);
        Assert.EndsWith(",,,,running,,no action items", records[3], StringComparison.Ordinal);
        Assert.EndsWith(",,,,not started,,not started", records[4], StringComparison.Ordinal);
    }
}
