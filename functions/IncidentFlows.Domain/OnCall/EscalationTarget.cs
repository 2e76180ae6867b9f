namespace IncidentFlows.Domain.OnCall;

/// <summary>Who an escalation level pages: a person directly, or whoever a schedule has on call then.</summary>
public abstract record EscalationTarget
{
    private EscalationTarget()
    {
    }

    public sealed record Person(string PersonId) : EscalationTarget;

    public sealed record Schedule(string ScheduleId) : EscalationTarget;
}
