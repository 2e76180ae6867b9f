using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>A timer an incident needs: at <paramref name="At"/>, send <paramref name="Command"/>.</summary>
public sealed record WakeUp(Instant At, IncidentCommand Command);

public static class WakeUps
{
    /// <summary>
    /// The next timer: the acknowledgement deadline while escalating, else (or if sooner) the next
    /// status update due. Every open incident has one; resolved, closed and declined ones have none.
    /// </summary>
    public static WakeUp? Next(Incident? state)
    {
        if (state is null || !state.Status.IsOpen())
        {
            return null;
        }

        WakeUp remind = new(state.NextUpdateDue, new IncidentCommand.Remind());
        return state is { IsAcknowledged: false, Escalation.AckDeadline: { } deadline } && deadline <= state.NextUpdateDue
            ? new WakeUp(deadline, new IncidentCommand.Escalate())
            : remind;
    }
}
