namespace IncidentFlows.Domain.Incidents;

/// <summary>How much doing the item matters to avoid the next incident or shorten it.</summary>
public enum Importance
{
    Low,
    Medium,
    High,
}

/// <summary>How soon the risk bites if nothing is done (the incident could recur tomorrow, or in a year).</summary>
public enum Urgency
{
    Low,
    Medium,
    High,
}

/// <summary>The expected time to do the item, in bands the matrix understands.</summary>
public enum ActionItemSize
{
    /// <summary>Under a day of work.</summary>
    Hours,

    /// <summary>A day to a week of work.</summary>
    Days,

    /// <summary>More than a week of work: a project, usually worth splitting.</summary>
    Weeks,
}

/// <summary>How sure the assignee is that the item gets done by its due date (or at all, without one).</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>P1 is done first. Derived by <see cref="PriorityMatrix"/>, never entered.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
