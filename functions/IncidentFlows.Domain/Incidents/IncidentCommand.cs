using IncidentFlows.Domain.Common;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// What someone (or a timer, or an effect's result) asks of an incident. A closed hierarchy: the
/// private constructor keeps every command in this file, so the decider's switch is exhaustive.
/// </summary>
/// <remarks>
/// <see cref="PostUpdate.Key"/>, <see cref="AddNote.Key"/> and <see cref="AddActionItem.Key"/> carry the client's idempotency key
/// (a Teams activity id, an HTTP Idempotency-Key) so a retried delivery is recognised.
/// </remarks>
public abstract record IncidentCommand
{
    private IncidentCommand()
    {
    }

    public sealed record Declare(
        IncidentId Id,
        string Title,
        Severity Severity,
        Person Reporter,
        IncidentKind Kind = IncidentKind.Real,
        string? Service = null,
        string? Summary = null,
        Instant? DetectedAt = null) : IncidentCommand;

    public sealed record Acknowledge(Person By) : IncidentCommand;

    /// <summary>Someone starts working on the incident (time-to-muster); acknowledges it if nobody had.</summary>
    public sealed record Join(Person By) : IncidentCommand;

    public sealed record AssignRole(IncidentRole Role, Person Assignee, Person By) : IncidentCommand;

    public sealed record RenounceRole(IncidentRole Role, Person By) : IncidentCommand;

    public sealed record ChangeSeverity(Severity Severity, Person By, string? Reason = null) : IncidentCommand;

    public sealed record ChangeStatus(IncidentStatus Status, Person By, string? Note = null) : IncidentCommand;

    public sealed record PostUpdate(string Text, Person By, string? Key = null) : IncidentCommand;

    public sealed record AddNote(string Text, Person By, string? Key = null) : IncidentCommand;

    /// <summary>
    /// Pins a chat message (by its reference) to the timeline. <see cref="Author"/>, <see cref="PostedAt"/> and <see cref="Link"/>
    /// describe the message itself when it is known (a Teams message pinned by reaction, message action or reply):
    /// the timeline then shows it at the time it was posted, by whom, with a link back to it.
    /// </summary>
    public sealed record PinMessage(string MessageRef, string Text, Person By) : IncidentCommand
    {
        public Person? Author { get; init; }

        public Instant? PostedAt { get; init; }

        public string? Link { get; init; }
    }

    /// <summary>Effect result: who is a member of the war room (read at the resolution), to tell observers from participants.</summary>
    public sealed record RecordWarRoomMembers(ValueList<Person> Members) : IncidentCommand;

    /// <summary>The person moves on from a tutorial step they only read (the card's Start or Next button).</summary>
    public sealed record ContinueTutorial(Person By) : IncidentCommand;

    /// <summary>Gives the incident a new title; its war room is renamed to match (keeping its date).</summary>
    public sealed record Retitle(string Title, Person By) : IncidentCommand;

    /// <summary>
    /// A war-room message shared a link of a known kind (<see cref="Learning.LinkClassifier"/>): on the timeline once per URL,
    /// at the message's posting time, under its author.
    /// </summary>
    public sealed record ShareLink(string Url, string Kind, string Title, Person By) : IncidentCommand
    {
        public Instant? PostedAt { get; init; }

        public string? MessageRef { get; init; }
    }

    /// <summary>Someone wrote in the war room. Recorded the first time per person, to tell participants from observers; the text is never copied.</summary>
    public sealed record NoteWarRoomWriter(Person Author) : IncidentCommand;

    /// <summary>Takes a pinned message off the timeline (the 📌 reaction was removed). Not pinned: nothing happens.</summary>
    public sealed record UnpinMessage(string MessageRef, Person By) : IncidentCommand;

    /// <summary>Effect result: the war-room channel exists.</summary>
    public sealed record RecordWarRoom(string ChannelId, string Name, string? Url) : IncidentCommand;

    /// <summary>Effect result: the announcement was posted and can be updated in place.</summary>
    public sealed record RecordAnnouncement(string MessageRef) : IncidentCommand;

    /// <summary>Effect result: a page reached its person in Teams.</summary>
    public sealed record RecordPageDelivered(PageRef Page) : IncidentCommand;

    /// <summary>Effect result: a page could not reach its person; <paramref name="Detail"/> says what Teams answered.</summary>
    public sealed record RecordPageUndeliverable(PageRef Page, PageFailure Reason, string? Detail = null) : IncidentCommand;

    /// <summary>
    /// Effect result: an effect (not a page) failed on every attempt and was given up.
    /// <paramref name="Effect"/> is its contract name, <paramref name="EventNumber"/> the number of the event that called for it.
    /// </summary>
    public sealed record RecordEffectAbandoned(string Effect, long EventNumber, int Attempts, string Reason) : IncidentCommand;

    /// <summary>Timer: the acknowledgement deadline may have passed.</summary>
    public sealed record Escalate : IncidentCommand;

    /// <summary>Timer: the status-update cadence may have lapsed.</summary>
    public sealed record Remind : IncidentCommand;

    public sealed record Resolve(Person By, string? Summary = null) : IncidentCommand;

    public sealed record Close(Person By) : IncidentCommand;

    public sealed record Reopen(Person By, string Reason) : IncidentCommand;

    /// <summary>
    /// The team has reviewed the postmortem: the time to learn stops. Taken once the incident is resolved or closed;
    /// reviewing it again changes nothing, as acknowledging twice does.
    /// </summary>
    public sealed record MarkPostmortemReviewed(Person By) : IncidentCommand;

    /// <summary>A follow-up to do; the incident numbers it. Allowed after close (postmortem follow-up).</summary>
    public sealed record AddActionItem(ActionItemDetails Item, Person By, string? Key = null) : IncidentCommand;

    /// <summary>Sets the whole of an item's details (the API merges a partial change first). Allowed after close.</summary>
    public sealed record UpdateActionItem(int Number, ActionItemDetails Item, Person By) : IncidentCommand;
}
