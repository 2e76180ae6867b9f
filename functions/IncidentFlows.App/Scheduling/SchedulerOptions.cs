namespace IncidentFlows.App.Scheduling;

/// <summary>The embedded scheduler's settings (section <c>IncidentFlows:Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "IncidentFlows:Scheduler";

    /// <summary>How often due wake-ups are swept: the timer resolution.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the scheduler lease lasts without renewal; another process takes over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Incidents brought up to date at once.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>Due incidents taken per sweep (the lease is renewed between sweeps).</summary>
    public int BatchSize { get; set; } = 250;
}
