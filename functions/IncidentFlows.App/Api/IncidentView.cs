using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Api;

/// <summary>An incident as the API shows it.</summary>
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
