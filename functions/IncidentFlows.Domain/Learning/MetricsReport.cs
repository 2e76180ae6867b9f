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
public sealed record MetricsReport(
    Interval Period,
    int Incidents,
    int Excluded,
    int Declined,
    Duration? MeanTimeToAcknowledge,
    Duration? MeanTimeToMuster,
    Duration? MeanTimeToResolve,
    Duration? MeanTimeBetweenFailures,
    ValueList<MetricCount> BySeverity,
    ValueList<MetricCount> ByService,
    ValueList<MetricCount> ByWeek);
