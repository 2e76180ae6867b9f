using IncidentFlows.Domain.Common;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>How many incidents had a given key (a severity, a service, an ISO week).</summary>
public sealed record MetricCount(string Key, int Count);

/// <summary>
/// Incident metrics over a period (docs/metrics.md). Means are null when nothing was measured:
/// "no data" is not "zero minutes".
/// </summary>
/// <param name="Incidents">Real incidents reported in the period and not declined: everything below is about these.</param>
/// <param name="Excluded">Drills and tutorials reported in the period, left out of everything.</param>
/// <param name="Declined">Real incidents reported in the period that triage declined (not incidents after all), left out of the rest.</param>
/// <param name="MeanTimeToLearn">Over the incidents whose postmortem was reviewed (<see cref="FollowUpTimes"/>).</param>
/// <param name="TimeToLearnRunning">Resolved incidents whose postmortem is not reviewed yet: not in the mean.</param>
/// <param name="MeanTimeToImprove">Over the incidents whose every action item is finished.</param>
/// <param name="TimeToImproveRunning">Resolved incidents with an action item still open: not in the mean.</param>
/// <param name="WithoutActionItems">Resolved incidents with no action item: they have no time to improve.</param>
public sealed record MetricsReport(
    Interval Period,
    int Incidents,
    int Excluded,
    int Declined,
    Duration? MeanTimeToAcknowledge,
    Duration? MeanTimeToMuster,
    Duration? MeanTimeToResolve,
    Duration? MeanTimeBetweenFailures,
    Duration? MeanTimeToLearn,
    int TimeToLearnRunning,
    Duration? MeanTimeToImprove,
    int TimeToImproveRunning,
    int WithoutActionItems,
    ValueList<MetricCount> BySeverity,
    ValueList<MetricCount> ByService,
    ValueList<MetricCount> ByWeek);
