using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// The key durations of an incident, each from the report (the declare) unless said otherwise; null
/// until reached. Never negative: a detection time a little after the report (clock skew between a
/// monitoring system and us, which the declare tolerates) counts as zero.
/// </summary>
/// <param name="TimeToDeclare">TTD: from the detection time the declare carried to the report.</param>
/// <param name="TimeToAcknowledge">TTA (also called TTE, time to engage).</param>
/// <param name="TimeToMuster">To the first person joining to work on it.</param>
/// <param name="TimeToMitigate">TTM: to the first time in Monitoring.</param>
/// <param name="TimeToResolve">TTR: to the (latest) resolution.</param>
public sealed record KeyDurations(
    Duration? TimeToDeclare,
    Duration? TimeToAcknowledge,
    Duration? TimeToMuster,
    Duration? TimeToMitigate,
    Duration? TimeToResolve)
{
    public static KeyDurations From(KeyTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var reported = times.Reported;
        return new KeyDurations(
            times.Detected is { } detected ? NotNegative(reported - detected) : null,
            Since(reported, times.Acknowledged),
            Since(reported, times.FirstJoined),
            Since(reported, times.Mitigated),
            Since(reported, times.Resolved));
    }

    private static Duration? Since(Instant reported, Instant? at) => at is { } reached ? NotNegative(reached - reported) : null;

    private static Duration NotNegative(Duration duration) => Duration.Max(duration, Duration.Zero);
}
