namespace IncidentFlows.Domain.Incidents;

/// <summary>Where an action item is. Any status may follow any other: it is a tracker, not a workflow.</summary>
public enum ActionItemStatus
{
    Backlog,
    Triage,
    InProgress,
    Done,
    WontDo,
}

public static class ActionItemStatuses
{
    /// <summary>Done and won't-do items are finished: never overdue, and out of the way in lists.</summary>
    public static bool IsFinished(this ActionItemStatus status) => status is ActionItemStatus.Done or ActionItemStatus.WontDo;

    public static string Display(this ActionItemStatus status) => status switch
    {
        ActionItemStatus.Backlog => "backlog",
        ActionItemStatus.Triage => "triage",
        ActionItemStatus.InProgress => "in progress",
        ActionItemStatus.Done => "done",
        ActionItemStatus.WontDo => "won't do",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
