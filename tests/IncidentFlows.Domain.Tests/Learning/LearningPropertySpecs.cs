using FsCheck;
using FsCheck.Fluent;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.Tests.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>Properties of key times, postmortems and metrics over random but valid incident lives (reopens and action items included).</summary>
public class LearningPropertySpecs
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static IEnumerable<Duration?> All(KeyDurations d) => [d.TimeToDeclare, d.TimeToAcknowledge, d.TimeToMuster, d.TimeToMitigate, d.TimeToResolve];

    [Fact]
    public void No_key_duration_is_ever_negative()
    {
        Prop.ForAll(RandomHistories.Lives(), life => RandomHistories.Run(life)
            .All(step => All(KeyDurations.From(step.State.Times)).All(d => d is null || d >= Duration.Zero))).Check(Runs);
    }

    [Fact]
    public void A_resolved_incidents_time_to_resolve_is_at_least_its_time_to_acknowledge()
    {
        Prop.ForAll(RandomHistories.Lives(), life => RandomHistories.Run(life).All(step =>
            KeyDurations.From(step.State.Times) is not { TimeToResolve: { } ttr, TimeToAcknowledge: { } tta } || ttr >= tta)).Check(Runs);
    }

    [Fact]
    public void A_reviewed_postmortem_belongs_to_a_resolved_or_closed_incident_and_times_after_the_resolution_are_never_negative()
    {
        Prop.ForAll(RandomHistories.Lives(), life => RandomHistories.Run(life).All(step =>
        {
            var (state, f) = (step.State, FollowUpTimes.Of(step.State));
            return (state.Times.PostmortemReviewed is null || state.Status is IncidentStatus.Resolved or IncidentStatus.Closed)
                   && (state.Times.ActionItemsDone is not null) == (state.ActionItems.Count > 0 && state.ActionItems.All(i => i.IsFinished))
                   && new[] { f.TimeToLearn, f.TimeToImprove }.All(t => (t.Duration is not null) == (t.Progress == FollowUpProgress.Done) && !(t.Duration < Duration.Zero));
        })).Check(Runs);
    }

    [Fact]
    public void Every_history_gives_a_postmortem_whose_timeline_has_a_row_per_event_and_the_same_text_every_time()
    {
        Prop.ForAll(RandomHistories.Lives(), life =>
        {
            var history = RandomHistories.Run(life).SelectMany(step => step.Events).ToList();
            var markdown = PostmortemWriter.Markdown(new PostmortemInput(history));
            var timeline = Timeline.Of(history, DateTimeZoneProviders.Tzdb["Europe/London"]);
            return markdown == PostmortemWriter.Markdown(new PostmortemInput([.. history]))
                   && timeline.Rows.Count == history.Count
                   && timeline.ToMarkdown().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == history.Count + 2;
        }).Check(Runs);
    }

    [Fact]
    public void Metrics_means_are_never_negative_and_counts_add_up()
    {
        var lives = Gen.ListOf(RandomHistories.Lives(maxSteps: 15).Generator, 6).ToArbitrary();
        var t0 = Incidents.TestData.T0;
        var period = new NodaTime.Interval(t0 - Duration.FromDays(1), t0 + Duration.FromDays(1));
        Prop.ForAll(lives, some =>
        {
            var incidents = some.Select(life => RandomHistories.Run(life).Last().State).ToList();
            var report = IncidentMetrics.Over(incidents, period, DateTimeZone.Utc);
            Duration?[] means = [report.MeanTimeToAcknowledge, report.MeanTimeToMuster, report.MeanTimeToResolve, report.MeanTimeBetweenFailures, report.MeanTimeToLearn, report.MeanTimeToImprove];
            return means.All(m => m is null || m >= Duration.Zero)
                   && report.TimeToLearnRunning <= report.Incidents
                   && report.TimeToImproveRunning + report.WithoutActionItems <= report.Incidents
                   && report.Incidents + report.Excluded + report.Declined == incidents.Count
                   && report.BySeverity.Sum(c => c.Count) == report.Incidents
                   && report.ByService.Sum(c => c.Count) == report.Incidents
                   && report.ByWeek.Sum(c => c.Count) == report.Incidents;
        }).Check(Runs.WithMaxTest(100));
    }
}
