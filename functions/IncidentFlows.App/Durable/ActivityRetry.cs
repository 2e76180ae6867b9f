namespace IncidentFlows.App.Durable;

/// <summary>
/// A retry policy for an activity, in the terms of Durable Task's <c>RetryPolicy</c>: attempts in all
/// (the first included), the wait before the second, its growth per attempt and its ceiling.
/// </summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient, TimeSpan MaxRetryInterval)
{
    /// <summary>Storage writes: transient failures are brief; the turn cannot go on without them.</summary>
    public static ActivityRetry Storage { get; } = new(8, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Effects other than pages (war room, announcement, posts). Bounded and short, because the turn
    /// waits for them and the next timer with it: each attempt's Teams or Graph calls already retry
    /// inside the resilience pipeline (30 s total a call), so 3 attempts and 5 + 10 s of back-off hold a
    /// turn about 2 minutes at worst; then the effect is abandoned, on the timeline.
    /// </summary>
    public static ActivityRetry Effect { get; } = new(3, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromSeconds(20));

    /// <summary>
    /// Pages. The page activity reports Teams' own failures as "undeliverable" instead of throwing, so
    /// what is retried here is storage (the sent-marks) or a crash; quick, since a person waits.
    /// </summary>
    public static ActivityRetry Page { get; } = new(3, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(5));
}
