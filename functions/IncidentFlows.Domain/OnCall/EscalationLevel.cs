using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>One step of an escalation policy: its targets, and how long to wait for an acknowledgement.</summary>
public sealed class EscalationLevel
{
    /// <summary>The shortest ack timeout: minutes in real policies, seconds for drills and test rigs.</summary>
    public static readonly Duration MinAckTimeout = Duration.FromSeconds(5);

    public EscalationLevel(IReadOnlyList<EscalationTarget> targets, Duration ackTimeout)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0) throw new ArgumentException("A level needs at least one target.", nameof(targets));
        if (ackTimeout < MinAckTimeout || ackTimeout.BclCompatibleTicks % NodaConstants.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ackTimeout), ackTimeout, "An ack timeout is a whole number of seconds, at least five.");
        }

        Targets = [.. targets];
        AckTimeout = ackTimeout;
    }

    public IReadOnlyList<EscalationTarget> Targets { get; }

    public Duration AckTimeout { get; }
}
