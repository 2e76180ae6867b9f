using System.Text.Json.Serialization;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;

namespace IncidentFlows.App.Api;

/// <summary>
/// An incident as the API shows it. <see cref="KeyTimes"/> has the instants (the postmortem's review and the last action item
/// finished among them); <see cref="TimeToLearn"/> and <see cref="TimeToImprove"/> the times from the resolution to those.
/// </summary>
public sealed record IncidentView(
    string Id,
    string Title,
    string Severity,
    string Status,
    string Kind,
    string? Service,
    string? Summary,
    Person Reporter,
    Person? Lead,
    IReadOnlyList<RoleHolding> Roles,
    Person? AcknowledgedBy,
    IReadOnlyList<Person> Responders,
    KeyTimes KeyTimes,
    FollowUpView TimeToLearn,
    FollowUpView TimeToImprove,
    EscalationView? Escalation,
    Instant? NextUpdateDue,
    WarRoom? WarRoom,
    string? Announcement,
    IReadOnlyList<ActionItem> ActionItems,
    int Version)
{
    public static IncidentView Of(Incident i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var followUp = FollowUpTimes.Of(i);
        return new(
            i.Id.Value,
            i.Title,
            i.Severity.Display(),
            i.Status.Display(),
            i.Kind.ToString().ToLowerInvariant(),
            i.Service,
            i.Summary,
            i.Reporter,
            i.Holder(IncidentRole.Lead),
            i.Roles,
            i.AcknowledgedBy,
            i.Responders,
            i.Times,
            FollowUpView.Of(followUp.TimeToLearn),
            FollowUpView.Of(followUp.TimeToImprove),
            i.Escalation is { } e ? new EscalationView(e.Plan.PolicyId, e.Level + 1, e.Round + 1, i.IsAcknowledged ? null : e.AckDeadline, e.Exhausted) : null,
            i.Status.IsOpen() ? i.NextUpdateDue : null,
            i.WarRoom,
            i.AnnouncementRef,
            i.ActionItems,
            i.Version);
    }
}

/// <summary>Escalation with levels and rounds counted from 1, as people count them; no ack deadline once acknowledged.</summary>
public sealed record EscalationView(string Policy, int Level, int Round, Instant? AckDeadline, bool Exhausted);

/// <summary>
/// A time from the resolution: how far it has come (<c>notStarted</c>, <c>running</c>, <c>done</c>, <c>noActionItems</c>,
/// <c>unrecorded</c>) and, once done, its ISO 8601 duration; null otherwise, and always written.
/// </summary>
public sealed record FollowUpView(FollowUpProgress Progress, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Duration)
{
    public static FollowUpView Of(FollowUpTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(time.Progress, MetricsView.Iso(time.Duration));
    }
}
