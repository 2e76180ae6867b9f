using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.Domain.OnCall;

/// <summary>A configuration problem: a span in which a schedule has nobody on call.</summary>
public sealed record CoverageGap(string ScheduleId, Interval Span)
{
    public override string ToString() =>
        $"schedule {ScheduleId} has nobody on call from {InstantPattern.General.Format(Span.Start)} to {InstantPattern.General.Format(Span.End)} ({Span.Duration.TotalMinutes:0} min)";
}
