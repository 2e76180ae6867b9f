using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// The shape of an escalation policy as an incident sees it, captured when escalation starts so a
/// running incident is not changed under its feet by a configuration reload.
/// </summary>
/// <param name="PolicyId">The policy's id in the team configuration.</param>
/// <param name="AckTimeouts">One acknowledgement timeout per level, in level order (1 to 20 levels).</param>
/// <param name="RepeatCount">How many more rounds after the first (0 to 9).</param>
/// <param name="RepeatFromLevel">The 0-based level a repeated round starts from.</param>
public sealed record EscalationPlan(string PolicyId, IReadOnlyList<Duration> AckTimeouts, int RepeatCount, int RepeatFromLevel)
{
    public int Levels => AckTimeouts.Count;

    public bool Equals(EscalationPlan? other) =>
        other is not null && PolicyId == other.PolicyId && RepeatCount == other.RepeatCount
        && RepeatFromLevel == other.RepeatFromLevel && AckTimeouts.SequenceEqual(other.AckTimeouts);

    public override int GetHashCode() => HashCode.Combine(PolicyId, RepeatCount, RepeatFromLevel, AckTimeouts.Count);
}
