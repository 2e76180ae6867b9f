using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>Where a time measured from the resolution stands.</summary>
public enum FollowUpProgress
{
    /// <summary>Not resolved (yet): there is nothing to measure from.</summary>
    NotStarted,

    /// <summary>Resolved, and the postmortem not yet reviewed or an action item still open: the clock runs. Not a figure.</summary>
    Running,

    /// <summary>Measured: <see cref="FollowUpTime.Duration"/> holds it.</summary>
    Done,

    /// <summary>Resolved without action items: there is no time to improve, and none is invented.</summary>
    NoActionItems,

    /// <summary>Every action item is finished, but one was finished before finishing times were recorded: the time is unknown.</summary>
    Unrecorded,
}

/// <summary>A time from the resolution: how far it has come, and its duration once <see cref="FollowUpProgress.Done"/>.</summary>
public sealed record FollowUpTime(FollowUpProgress Progress, Duration? Duration = null)
{
    public static readonly FollowUpTime NotStarted = new(FollowUpProgress.NotStarted);

    public static readonly FollowUpTime Running = new(FollowUpProgress.Running);

    public bool IsRunning => Progress == FollowUpProgress.Running;
}

/// <summary>
/// The hidden times after an incident (docs/metrics.md), both from the (latest) resolution: the time to learn ends when
/// the postmortem is marked reviewed, the time to improve when the last action item is finished (done or won't do).
/// Never negative: an item finished before the resolution counts as zero.
/// </summary>
public sealed record FollowUpTimes(FollowUpTime TimeToLearn, FollowUpTime TimeToImprove)
{
    public static FollowUpTimes Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var times = incident.Times;
        if (times.Resolved is not { } resolved)
        {
            return new(FollowUpTime.NotStarted, FollowUpTime.NotStarted);
        }

        var learn = times.PostmortemReviewed is { } reviewed ? Since(resolved, reviewed) : FollowUpTime.Running;
        var improve = incident.ActionItems.Count == 0 ? new FollowUpTime(FollowUpProgress.NoActionItems)
            : incident.ActionItems.Any(i => !i.IsFinished) ? FollowUpTime.Running
            : times.ActionItemsDone is { } done ? Since(resolved, done)
            : new FollowUpTime(FollowUpProgress.Unrecorded);
        return new(learn, improve);
    }

    private static FollowUpTime Since(Instant resolved, Instant at) => new(FollowUpProgress.Done, Duration.Max(at - resolved, Duration.Zero));
}

public static class FollowUpProgresses
{
    public static string Display(this FollowUpProgress progress) => progress switch
    {
        FollowUpProgress.NotStarted => "not started",
        FollowUpProgress.Running => "running",
        FollowUpProgress.Done => "done",
        FollowUpProgress.NoActionItems => "no action items",
        FollowUpProgress.Unrecorded => "not recorded",
        _ => throw new ArgumentOutOfRangeException(nameof(progress), progress, null),
    };
}
