namespace IncidentFlows.App.Teams.Protocol;

/// <summary>
/// <c>IncidentFlows:Teams:Http</c>: how long IncidentFlows waits for the Bot Connector and Microsoft
/// Graph, and how often it asks again. The total timeout is the promise: a hung Teams or Graph call
/// never holds a page, an announcement or a timer turn longer than <see cref="TotalTimeout"/>; the
/// delivery then fails like any other and the effect runner records it (nothing is dropped silently).
/// </summary>
public sealed class TeamsHttpOptions
{
    public const string Section = TeamsOptions.Section + ":Http";

    /// <summary>One call including every retry and wait. Well under the activity's lease, so a page never outlives its turn.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt. The Bot Connector answers in well under a second; a hung socket is cut here and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, for 408, 429, 5xx, connection failures and attempt timeouts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off when the server gives no <c>Retry-After</c>; doubles with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, also for a server's <c>Retry-After</c>; the total timeout still wins.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failing share of calls in <see cref="BreakSamplingDuration"/> that opens the circuit.</summary>
    public double BreakFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    public int BreakMinimumThroughput { get; set; } = 10;

    /// <summary>The window the failure ratio is measured over (at least twice the attempt timeout).</summary>
    public TimeSpan BreakSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once, without sending them, before one is let through again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
