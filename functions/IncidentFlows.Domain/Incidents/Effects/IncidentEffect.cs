using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Domain.Incidents.Effects;

/// <summary>
/// Something the world must be told or asked, derived from events (<see cref="IncidentEffects"/>)
/// and run by adapters. Every effect is safe to retry: adapters key it by incident and reference.
/// </summary>
public abstract record IncidentEffect
{
    private IncidentEffect()
    {
    }

    public required IncidentId Incident { get; init; }

    /// <summary>
    /// The number of the event that called for this effect in the incident's history (its commit's
    /// position plus its index in the commit: <see cref="Incidents.Incident.Version"/> right after it).
    /// Unique per incident, so two events at the same instant never share a delivery key. 0 on effects
    /// stored before it existed.
    /// </summary>
    public long EventNumber { get; init; }

    /// <summary>Create the war-room channel; the result comes back as RecordWarRoom.</summary>
    public sealed record OpenWarRoom(string Title, Instant DeclaredAt) : IncidentEffect;

    /// <summary>Post the welcome message (roles, severity, links) into the new war room.</summary>
    public sealed record WelcomeWarRoom : IncidentEffect;

    /// <summary>Post the announcement in the incidents channel, or update it in place once posted.</summary>
    public sealed record PublishAnnouncement : IncidentEffect;

    /// <summary>Page one person with Acknowledge / I'm joining.</summary>
    public sealed record Page(Responder Responder, int Level, int Round, Instant AckDeadline) : IncidentEffect
    {
        /// <summary>
        /// When the page was decided (declare or escalation), so the page's delivery latency can be
        /// measured. Null in pages stored before it was recorded.
        /// </summary>
        public Instant? PagedAt { get; init; }

        /// <summary>This page, as its outcome reports it.</summary>
        public PageRef ToRef() => new(EventNumber, Level, Round, Responder);
    }

    /// <summary>Tell the war room about a timeline-worthy event.</summary>
    public sealed record PostToWarRoom(IncidentEvent Event) : IncidentEffect;

    /// <summary>Share the postmortem draft in the war room: when the incident resolves (draft ready) and when it closes.</summary>
    public sealed record SharePostmortem(IncidentStatus Status) : IncidentEffect;

    /// <summary>Read who is in the war room, for the postmortem's observers.</summary>
    public sealed record ReadWarRoomMembers : IncidentEffect;

    /// <summary>Keep the war-room channel's description showing the state: lead, severity, status, homepage.</summary>
    public sealed record DescribeWarRoom : IncidentEffect;

    /// <summary>Rename the war-room channel after the title changed, keeping its date prefix.</summary>
    public sealed record RenameWarRoom(string Title) : IncidentEffect;

    /// <summary>Tell the person in a tutorial what to do next.</summary>
    public sealed record GuideTutorial(Learning.TutorialStep Step) : IncidentEffect;

    /// <summary>Nudge the lead (or reporter) for a status update.</summary>
    public sealed record RemindToUpdate(Person To, Instant MissedDue) : IncidentEffect;
}
