using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// What happened to an incident, in the past tense: the timeline. Events carry every value that
/// came from configuration or time when they were decided, so replaying them never consults either.
/// Stored contracts are versioned by name; renaming or reshaping one needs a new schema version.
/// </summary>
public abstract record IncidentEvent
{
    private IncidentEvent()
    {
    }

    public required Instant At { get; init; }

    public sealed record Declared(
        IncidentId Id,
        string Title,
        Severity Severity,
        IncidentKind Kind,
        Person Reporter,
        string? Service,
        string? Summary,
        Instant? DetectedAt,
        SeverityPolicy Policy,
        Instant NextUpdateDue) : IncidentEvent;

    public sealed record EscalationStarted(EscalationPlan Plan) : IncidentEvent;

    /// <summary>Nobody can be paged: the service has no escalation policy and the team no default.</summary>
    public sealed record NoEscalationPolicy(string? Service) : IncidentEvent;

    public sealed record Paged(int Level, int Round, ValueList<Responder> Responders, Instant AckDeadline) : IncidentEvent;

    /// <summary>A level had nobody on call when it fired; escalation moved straight on.</summary>
    public sealed record CoverageGapFound(int Level, int Round) : IncidentEvent;

    /// <summary>Every level and repeat was tried and nobody acknowledged.</summary>
    public sealed record EscalationExhausted(int Rounds) : IncidentEvent;

    /// <summary>A page reached its person in Teams (the 1:1 message was accepted).</summary>
    public sealed record PageDelivered(PageRef Page) : IncidentEvent;

    /// <summary>A page could not reach its person, and why.</summary>
    public sealed record PageUndeliverable(PageRef Page, PageFailure Reason, string? Detail) : IncidentEvent;

    /// <summary>Nobody at this level could be reached; escalation moved on at once instead of waiting out the ack timeout.</summary>
    public sealed record LevelUnreachable(int Level, int Round) : IncidentEvent
    {
        /// <summary>True when the next step is a new round (or the end): it waits for the ack timeout instead of paging at once.</summary>
        public bool WaitsForTimeout { get; init; }
    }

    /// <summary>An effect failed on every attempt and was given up (contract name, the event that called for it).</summary>
    public sealed record EffectAbandoned(string Effect, long EventNumber, int Attempts, string Reason) : IncidentEvent;

    public sealed record Acknowledged(Person By) : IncidentEvent;

    public sealed record Joined(Person By) : IncidentEvent;

    public sealed record RoleAssigned(IncidentRole Role, Person Assignee, Person By) : IncidentEvent;

    public sealed record RoleRenounced(IncidentRole Role, Person Holder) : IncidentEvent;

    public sealed record SeverityChanged(Severity From, Severity To, Person By, string? Reason, SeverityPolicy Policy, Instant NextUpdateDue) : IncidentEvent;

    public sealed record StatusChanged(IncidentStatus From, IncidentStatus To, Person By, string? Note) : IncidentEvent;

    public sealed record UpdatePosted(string Text, Person By, Instant NextUpdateDue, string? Key) : IncidentEvent;

    public sealed record NoteAdded(string Text, Person By, string? Key) : IncidentEvent;

    /// <summary>
    /// A message pinned to the timeline by <paramref name="By"/>. The init properties, absent from events stored before them,
    /// say who wrote the message, when it was posted (the time the timeline shows) and where it is.
    /// </summary>
    public sealed record MessagePinned(string MessageRef, string Text, Person By) : IncidentEvent
    {
        public Person? Author { get; init; }

        public Instant? PostedAt { get; init; }

        public string? Link { get; init; }
    }

    /// <summary>The war room's members when it was read (at the resolution): the postmortem's observers are those who took no part.</summary>
    public sealed record WarRoomMembersRecorded(ValueList<Person> Members) : IncidentEvent;

    public sealed record TutorialContinued(Learning.TutorialStep Step, Person By) : IncidentEvent;

    public sealed record TitleChanged(string From, string To, Person By) : IncidentEvent;

    /// <summary>The war-room channel was renamed after the incident's title changed.</summary>
    public sealed record WarRoomRenamed(string Name, string? Url) : IncidentEvent;

    /// <summary>A known kind of link shared in the war room; the timeline shows it when the message was posted.</summary>
    public sealed record LinkShared(string Url, string Kind, string Title, Person By) : IncidentEvent
    {
        public Instant? PostedAt { get; init; }

        public string? MessageRef { get; init; }
    }

    /// <summary>The first message <paramref name="Author"/> wrote in the war room (what they wrote is not kept).</summary>
    public sealed record WroteInWarRoom(Person Author) : IncidentEvent;

    /// <summary>A pinned message was taken off the timeline; the timeline no longer shows the pin.</summary>
    public sealed record MessageUnpinned(string MessageRef, Person By) : IncidentEvent;

    public sealed record WarRoomRecorded(string ChannelId, string Name, string? Url) : IncidentEvent;

    public sealed record AnnouncementRecorded(string MessageRef) : IncidentEvent;

    public sealed record UpdateReminderSent(Person To, Instant MissedDue, Instant NextUpdateDue) : IncidentEvent;

    public sealed record Reopened(Person By, string Reason, Instant NextUpdateDue) : IncidentEvent;

    /// <summary>The postmortem was reviewed (the end of the time to learn); a reopen asks for a new review.</summary>
    public sealed record PostmortemReviewed(Person By) : IncidentEvent;

    public sealed record ActionItemAdded(int Number, ActionItemDetails Item, Person By, string? Key) : IncidentEvent;

    /// <summary>Carries the item's details after the update, so replay never has to merge.</summary>
    public sealed record ActionItemUpdated(int Number, ActionItemDetails Item, Person By) : IncidentEvent;
}
