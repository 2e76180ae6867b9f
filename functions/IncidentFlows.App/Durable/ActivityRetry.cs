namespace IncidentFlows.App.Durable;

/// <summary>
/// A retry policy for an activity, in the terms of Durable Task's <c>RetryPolicy</c>: attempts in all
/// (the first included), the wait before the second, its growth per attempt and its ceiling.
/// </summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient, TimeSpan MaxRetryInterval)
{
    /// <summary>Storage writes: transient failures are brief; the turn cannot go on without them.</summary>
    public static ActivityRetry Storage { get; } = new(8, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1));

    /// <summary>Effects (Teams, Graph): throttling and outages last longer; give them about half an hour.</summary>
    public static ActivityRetry Effect { get; } = new(6, TimeSpan.FromSeconds(10), 3.0, TimeSpan.FromMinutes(15));
}
