namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// The Importance/Size/Urgency matrix (docs/action-items.md). Importance and urgency give the base
/// priority; size then adjusts it: a small item is a quick win and moves up one, a large one moves
/// down one because it has to be planned (and should be split), except that important and urgent
/// work stays P1 whatever its size.
/// </summary>
public static class PriorityMatrix
{
    public static Priority Of(Importance importance, Urgency urgency, ActionItemSize size)
    {
        var basePriority = Base(importance, urgency);
        var adjusted = size switch
        {
            ActionItemSize.Hours => basePriority - 1,
            ActionItemSize.Weeks when basePriority > 1 => basePriority + 1,
            _ => basePriority,
        };
        return (Priority)Math.Clamp(adjusted, 1, 4);
    }

    /// <summary>P1 for high/high; every step down in importance or urgency costs one, to P4 at most.</summary>
    private static int Base(Importance importance, Urgency urgency) =>
        Math.Min(4, 1 + (Importance.High - importance) + (Urgency.High - urgency));
}
