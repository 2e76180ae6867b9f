using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents;

/// <summary><c>Evolve(state, event) → state</c>: pure, total, and the only way state changes.</summary>
public static class IncidentEvolution
{
    public static Incident Fold(IEnumerable<IncidentEvent> events) =>
        events.Aggregate((Incident?)null, Evolve) ?? throw new ArgumentException("An incident history starts with Declared.", nameof(events));

    public static Incident Evolve(Incident? state, IncidentEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is E.Declared declared)
        {
            return state is null ? Start(declared) : state with { Version = state.Version + 1 };
        }

        var incident = state ?? throw new InvalidOperationException($"{@event.GetType().Name} before Declared.");
        return Apply(incident, @event) with { Version = incident.Version + 1, ChangedAt = @event.At };
    }

    private static Incident Start(E.Declared e) => new(
        e.Id,
        e.Title,
        e.Severity,
        e.Policy,
        IncidentStatus.Triage,
        e.Kind,
        e.Reporter,
        e.Service,
        e.Summary,
        new KeyTimes(e.At, Detected: e.DetectedAt),
        ValueList<RoleHolding>.Empty.Add(new RoleHolding(IncidentRole.Reporter, e.Reporter, e.At)),
        Escalation: null,
        AcknowledgedBy: null,
        ValueList<Person>.Empty,
        e.NextUpdateDue,
        WarRoom: null,
        AnnouncementRef: null,
        ValueList<string>.Empty,
        ValueList<string>.Empty,
        Version: 1)
    {
        ChangedAt = e.At,
    };

    private static Incident Apply(Incident s, IncidentEvent @event) => @event switch
    {
        E.EscalationStarted e => s with { Escalation = EscalationState.Start(e.Plan) },
        E.NoEscalationPolicy => s,
        E.Paged e => s with
        {
            Escalation = s.Escalation! with
            {
                Level = e.Level, Round = e.Round, AckDeadline = e.AckDeadline,
                PagedEvent = s.Version + 1, Responders = e.Responders, Unreachable = ValueList<string>.Empty,
            },
        },
        E.CoverageGapFound e => s with
        {
            Escalation = s.Escalation! with
            {
                Level = e.Level, Round = e.Round, AckDeadline = null,
                PagedEvent = 0, Responders = ValueList<Responder>.Empty, Unreachable = ValueList<string>.Empty,
            },
        },
        E.PageDelivered e => s with { DeliveryOutcomes = s.DeliveryOutcomes.Add(e.Page.Key) },
        E.PageUndeliverable e => s with
        {
            DeliveryOutcomes = s.DeliveryOutcomes.Add(e.Page.Key),
            Escalation = s.Escalation is { } x && x.PagedEvent == e.Page.PagedEvent ? x with { Unreachable = x.Unreachable.Add(e.Page.To.PersonId) } : s.Escalation,
        },
        E.LevelUnreachable => s,
        E.EffectAbandoned e => s with { DeliveryOutcomes = s.DeliveryOutcomes.Add(AbandonedKey(e.Effect, e.EventNumber)) },
        E.EscalationExhausted => s with { Escalation = s.Escalation! with { AckDeadline = null, Exhausted = true } },
        E.Acknowledged e => s with { AcknowledgedBy = e.By, Times = s.Times with { Acknowledged = e.At } },
        E.Joined e => s with { Responders = s.Responders.Add(e.By), Times = s.Times with { FirstJoined = s.Times.FirstJoined ?? e.At } },
        E.RoleAssigned e => s with { Roles = Assign(s.Roles, e) },
        E.RoleRenounced e => s with { Roles = EndHolding(s.Roles, e.Role, e.Holder.Id, e.At) },
        E.SeverityChanged e => s with { Severity = e.To, Policy = e.Policy, NextUpdateDue = e.NextUpdateDue },
        E.StatusChanged e => s with { Status = e.To, Times = Reached(s.Times, e.To, e.At) },
        E.UpdatePosted e => s with { NextUpdateDue = e.NextUpdateDue, SeenKeys = Seen(s.SeenKeys, e.Key), UpdatesPosted = s.UpdatesPosted + 1 },
        E.NoteAdded e => s with { SeenKeys = Seen(s.SeenKeys, e.Key), NotesAdded = s.NotesAdded + 1 },
        E.MessagePinned e => s with { PinnedMessages = s.PinnedMessages.Add(e.MessageRef) },
        E.WarRoomMembersRecorded e => s with { WarRoomMembers = e.Members },
        E.TutorialContinued => s with { TutorialStepsRead = s.TutorialStepsRead + 1 },
        E.TitleChanged e => s with { Title = e.To },
        E.WarRoomRenamed e => s with { WarRoom = s.WarRoom is { } room ? room with { Name = e.Name, Url = e.Url } : null },
        E.LinkShared e => s with { SharedLinks = s.SharedLinks.Add(e.Url) },
        E.WroteInWarRoom e => s with { WarRoomWriters = s.WarRoomWriters.Add(e.Author) },
        E.MessageUnpinned e => s with { PinnedMessages = ValueList.From(s.PinnedMessages.Where(r => r != e.MessageRef)) },
        E.WarRoomRecorded e => s with { WarRoom = new WarRoom(e.ChannelId, e.Name, e.Url) },
        E.AnnouncementRecorded e => s with { AnnouncementRef = e.MessageRef },
        E.UpdateReminderSent e => s with { NextUpdateDue = e.NextUpdateDue },
        E.Reopened e => s with
        {
            Status = IncidentStatus.Investigating,
            NextUpdateDue = e.NextUpdateDue,
            Times = s.Times with { Resolved = null, Closed = null, PostmortemReviewed = null },
        },
        E.PostmortemReviewed e => s with { Times = s.Times with { PostmortemReviewed = e.At } },
        E.ActionItemAdded e => WithActionItems(s, s.ActionItems.Add(new ActionItem(e.Number, e.Item, e.By, e.At) { FinishedAt = e.Item.Status.IsFinished() ? e.At : null })) with
        {
            SeenKeys = Seen(s.SeenKeys, e.Key),
        },
        E.ActionItemUpdated e => WithActionItems(s, s.ActionItems.SetItem(e.Number - 1, Updated(s.ActionItems[e.Number - 1], e))),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown incident event."),
    };

    /// <summary>The delivery-outcome key of an abandoned effect: its contract name and the event that called for it.</summary>
    public static string AbandonedKey(string effect, long @event) => $"abandoned:{effect}:{@event}";

    private static ValueList<RoleHolding> Assign(ValueList<RoleHolding> roles, E.RoleAssigned e) =>
        (e.Role.HasSingleHolder() ? EndHolding(roles, e.Role, personId: null, e.At) : roles)
            .Add(new RoleHolding(e.Role, e.Assignee, e.At));

    /// <summary>Ends the current holding of a role: a given person's, or whoever's when <paramref name="personId"/> is null.</summary>
    private static ValueList<RoleHolding> EndHolding(ValueList<RoleHolding> roles, IncidentRole role, string? personId, Instant at)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            var h = roles[i];
            if (h.Role == role && h.IsCurrent && (personId is null || h.Person.Id == personId))
            {
                return roles.SetItem(i, h with { Until = at });
            }
        }

        return roles;
    }

    /// <summary>An item finished keeps the time it was first finished (done → won't do is still finished); reopened, it has none.</summary>
    private static ActionItem Updated(ActionItem item, E.ActionItemUpdated e) => item with
    {
        Details = e.Item,
        FinishedAt = !e.Item.Status.IsFinished() ? null : item.IsFinished ? item.FinishedAt : e.At,
    };

    /// <summary>
    /// The items, and when the last open one was finished while all are: the end of the time to improve. Unknown (null)
    /// when an item was finished before finishing times were recorded.
    /// </summary>
    private static Incident WithActionItems(Incident s, ValueList<ActionItem> items)
    {
        var done = items.Count > 0 && items.All(i => i.IsFinished && i.FinishedAt is not null) ? items.Max(i => i.FinishedAt) : null;
        return s with { ActionItems = items, Times = s.Times with { ActionItemsDone = done } };
    }

    private static KeyTimes Reached(KeyTimes times, IncidentStatus status, Instant at) => status switch
    {
        IncidentStatus.Identified => times with { Identified = times.Identified ?? at },
        IncidentStatus.Monitoring => times with { Mitigated = times.Mitigated ?? at },
        IncidentStatus.Resolved => times with { Resolved = at },
        IncidentStatus.Closed => times with { Closed = at },
        _ => times,
    };

    private static ValueList<string> Seen(ValueList<string> keys, string? key) => key is null ? keys : keys.Add(key);
}
