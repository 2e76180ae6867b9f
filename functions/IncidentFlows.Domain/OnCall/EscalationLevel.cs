using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>One step of an escalation policy: its targets, and how long to wait for an acknowledgement.</summary>
public sealed class EscalationLevel
{
    public EscalationLevel(IReadOnlyList<EscalationTarget> targets, Duration ackTimeout)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0) throw new ArgumentException("A level needs at least one target.", nameof(targets));
        if (ackTimeout < Duration.FromMinutes(1) || ackTimeout.BclCompatibleTicks % NodaConstants.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ackTimeout), ackTimeout, "An ack timeout is a whole number of minutes, at least one.");
        }

        Targets = [.. targets];
        AckTimeout = ackTimeout;
    }

    public IReadOnlyList<EscalationTarget> Targets { get; }

    public Duration AckTimeout { get; }
}
