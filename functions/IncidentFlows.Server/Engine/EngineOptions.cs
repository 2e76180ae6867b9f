namespace IncidentFlows.Server.Engine;

/// <summary>
/// The Durable Task Framework engine's settings (section <c>IncidentFlows:DurableTask</c>), tuned for
/// paging rather than throughput; docs/engine.md gives the reasons for each default.
/// </summary>
public sealed class EngineOptions
{
    public const string Section = "IncidentFlows:DurableTask";

    /// <summary>The task hub (queues, tables, blobs); empty: one per team and table prefix (<see cref="EngineSettings.TaskHubNameFor"/>).</summary>
    public string? TaskHubName { get; set; }

    /// <summary>Control queues, the unit a server leases; four lets up to four servers share the work.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The idle backoff's ceiling: a command or timer waits at most this long for the queue poll.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Control-queue messages held in memory; drained in seconds, well inside <see cref="ControlQueueVisibilityTimeout"/>.</summary>
    public int ControlQueueBufferThreshold { get; set; } = 256;

    /// <summary>How long a dequeued control message stays hidden: the delay before another server re-runs an episode lost in a crash.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a dequeued activity stays hidden (renewed while it runs): above one Teams call's 30 s total timeout.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(45);

    public int MaxConcurrentActivities { get; set; } = 100;

    public int MaxConcurrentOrchestrations { get; set; } = 200;

    /// <summary>A restarted server with the same id takes its partitions back at once; a new id waits out the lease.</summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>Longest single durable timer; Azure Storage caps a message's delay at 7 days, so longer waits are chained.</summary>
    public static TimeSpan MaxTimerStep { get; } = TimeSpan.FromDays(6);
}
