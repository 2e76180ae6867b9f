namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// Levels paged one after another until someone acknowledges; after the last level the policy repeats
/// <see cref="RepeatCount"/> more times from <see cref="RepeatFromLevel"/> (0-based). Each level pages whoever
/// is on call when it fires, so an escalation that crosses a handoff pages the new region.
/// </summary>
public sealed class EscalationPolicy
{
    public const int MaxLevels = 20;
    public const int MaxRepeats = 9;

    public EscalationPolicy(string id, string name, IReadOnlyList<EscalationLevel> levels, int repeatCount = 0, int repeatFromLevel = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count is < 1 or > MaxLevels) throw new ArgumentException($"A policy has 1 to {MaxLevels} levels.", nameof(levels));
        ArgumentOutOfRangeException.ThrowIfNegative(repeatCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(repeatCount, MaxRepeats);
        ArgumentOutOfRangeException.ThrowIfNegative(repeatFromLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(repeatFromLevel, levels.Count);
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? id : name;
        Levels = [.. levels];
        RepeatCount = repeatCount;
        RepeatFromLevel = repeatFromLevel;
    }

    public string Id { get; }

    public string Name { get; }

    public IReadOnlyList<EscalationLevel> Levels { get; }

    public int RepeatCount { get; }

    public int RepeatFromLevel { get; }

    /// <summary>The shape an incident captures when it starts escalating.</summary>
    public EscalationPlan ToPlan() => new(Id, [.. Levels.Select(l => l.AckTimeout)], RepeatCount, RepeatFromLevel);

    /// <summary>Whether any level pages through <paramref name="scheduleId"/>.</summary>
    public bool Uses(string scheduleId) =>
        Levels.Any(l => l.Targets.Any(t => t is EscalationTarget.Schedule s && s.ScheduleId == scheduleId));
}
