using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// A follow-up from an incident. <paramref name="Number"/> counts from 1 within the incident, so
/// people can say "action 3 done" in the war room.
/// </summary>
public sealed record ActionItem(int Number, ActionItemDetails Details, Person AddedBy, Instant AddedAt)
{
    public Priority Priority => Details.Priority;

    public bool IsFinished => Details.Status.IsFinished();

    /// <summary>
    /// When it became finished (done or won't do), kept while it stays finished; null while open. Also null on an item
    /// finished before this was recorded (snapshots written before it): that time is unknown, not invented.
    /// </summary>
    public Instant? FinishedAt { get; init; }
}
