namespace IncidentFlows.App.Sweeps;

/// <summary>Whether this process runs the calendar sweeps (handoff digests, overdue reminders).</summary>
public interface ISweepLeadership
{
    bool IsLeader { get; }
}
