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
}
