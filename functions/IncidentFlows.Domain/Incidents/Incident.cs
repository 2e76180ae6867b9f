using IncidentFlows.Domain.Common;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// An incident's state: a left fold of its events (<see cref="IncidentEvolution"/>). Nothing here is
/// read from anywhere else, so replaying the same events always gives an equal state.
/// </summary>
public sealed record Incident(
    IncidentId Id,
    string Title,
    Severity Severity,
    SeverityPolicy Policy,
    IncidentStatus Status,
    IncidentKind Kind,
    Person Reporter,
    string? Service,
    string? Summary,
    KeyTimes Times,
    ValueList<RoleHolding> Roles,
    EscalationState? Escalation,
    Person? AcknowledgedBy,
    ValueList<Person> Responders,
    Instant NextUpdateDue,
    WarRoom? WarRoom,
    string? AnnouncementRef,
    ValueList<string> SeenKeys,
    ValueList<string> PinnedMessages,
    int Version)
{
    /// <summary>Follow-ups in the order they were added; numbered from 1. An init property so snapshots written before it still bind.</summary>
    public ValueList<ActionItem> ActionItems { get; init; } = ValueList<ActionItem>.Empty;

    /// <summary>How many status updates were posted.</summary>
    public int UpdatesPosted { get; init; }

    /// <summary>How many notes were added (pinned messages are counted in <see cref="PinnedMessages"/>).</summary>
    public int NotesAdded { get; init; }

    /// <summary>Keys of the delivery outcomes recorded (<see cref="PageRef.Key"/>, abandoned effects), so a repeated report changes nothing.</summary>
    public ValueList<string> DeliveryOutcomes { get; init; } = ValueList<string>.Empty;

    /// <summary>URLs shared in the war room and put on the timeline, each once.</summary>
    public ValueList<string> SharedLinks { get; init; } = ValueList<string>.Empty;

    /// <summary>Everyone who wrote in the war room, in the order they first did.</summary>
    public ValueList<Person> WarRoomWriters { get; init; } = ValueList<Person>.Empty;

    /// <summary>Who was in the war room when it was last read (at the resolution); empty until then.</summary>
    public ValueList<Person> WarRoomMembers { get; init; } = ValueList<Person>.Empty;

    /// <summary>How many of a tutorial's read-only steps (introduction, announcement) the person moved on from.</summary>
    public int TutorialStepsRead { get; init; }

    /// <summary>When the last event happened (null in snapshots stored before it was kept).</summary>
    public Instant? ChangedAt { get; init; }

    public bool IsAcknowledged => AcknowledgedBy is not null;

    public Person? Holder(IncidentRole role) =>
        Roles.FirstOrDefault(h => h.Role == role && h.IsCurrent)?.Person;

    public bool Holds(IncidentRole role, Person person) =>
        Roles.Any(h => h.Role == role && h.IsCurrent && h.Person.Id == person.Id);

    /// <summary>Who is nudged for a missing status update: the lead, or the reporter while there is none.</summary>
    public Person UpdateOwner => Holder(IncidentRole.Lead) ?? Reporter;
}
