using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;

namespace IncidentFlows.App.Sweeps;

/// <summary>Where the sweeps' messages go: Teams when it is configured, the log otherwise.</summary>
public interface ISweepNotices
{
    /// <summary>Tells who goes off and who comes on about the open incidents they hand over.</summary>
    Task SendHandoffDigestAsync(HandoffDigestEntry entry, CancellationToken ct);

    /// <summary>Nudges an action item's assignee (or the team) about an item past its due date.</summary>
    Task RemindOverdueAsync(OverdueActionItem item, CancellationToken ct);
}
