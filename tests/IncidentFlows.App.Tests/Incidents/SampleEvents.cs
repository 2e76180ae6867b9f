using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.App.Tests.Incidents;

/// <summary>One event of every kind, in an order that folds into a valid incident.</summary>
internal static class SampleEvents
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 21, 9, 0);
    public static readonly Person Alice = new("alice", "Alice");
    public static readonly Person Bob = new("bob", "Bob");

    private static ActionItemDetails Action(ActionItemStatus status) => new(
        "Alert on checkout error rate", Importance.High, Urgency.High, ActionItemSize.Days, status, Bob, Confidence.High, new LocalDate(2026, 12, 1));

    public static IncidentEvent[] OfEveryKind()
    {
        var policy = SeverityPolicies.Default[Severity.Sev1];
        var plan = new EscalationPlan("default", [Duration.FromMinutes(10), Duration.FromMinutes(15)], 1, 0);
        Instant M(int minutes) => T0 + Duration.FromMinutes(minutes);
        return
        [
            new E.Declared(new IncidentId("INC-7"), "Checkout failing: <500s> & 'timeouts'", Severity.Sev1, IncidentKind.Drill, Alice, "checkout", "Card payments fail", M(-3), policy, M(30)) { At = T0 },
            new E.EscalationStarted(plan) { At = T0 },
            new E.CoverageGapFound(0, 0) { At = T0 },
            new E.Paged(1, 0, ValueList.From([new Responder("bob", "Bob", "schedule primary")]), M(10)) { At = T0 },
            new E.NoEscalationPolicy("checkout") { At = T0 },
            new E.EscalationExhausted(2) { At = M(1) },
            new E.Acknowledged(Bob) { At = M(2) },
            new E.Joined(Bob) { At = M(2) },
            new E.RoleAssigned(IncidentRole.Lead, Bob, Alice) { At = M(3) },
            new E.RoleRenounced(IncidentRole.Lead, Bob) { At = M(4) },
            new E.SeverityChanged(Severity.Sev1, Severity.Sev0, Bob, "all regions", SeverityPolicies.Default[Severity.Sev0], M(19)) { At = M(4) },
            new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Investigating, Bob, null) { At = M(5) },
            new E.UpdatePosted("Rolling back", Bob, M(21), "activity-1") { At = M(6) },
            new E.NoteAdded("db cpu 100%", Alice, null) { At = M(7) },
            new E.MessagePinned("msg-1", "graph", Alice) { At = M(8) },
            new E.MessagePinned("msg-2", "p99 doubled", Alice) { At = M(8), Author = new Person("bob", "Bob"), PostedAt = M(6), Link = "https://teams.example/msg-2" },
            new E.MessageUnpinned("msg-2", Alice) { At = M(9) },
            new E.LinkShared("https://github.com/contoso/shop/pull/412", "GitHub pull request", "contoso/shop#412", Alice) { At = M(9), PostedAt = M(8), MessageRef = "msg-3" },
            new E.WroteInWarRoom(new Person("bob", "Bob")) { At = M(9) },
            new E.TutorialContinued(Domain.Learning.TutorialStep.Introduction, Alice) { At = M(9) },
            new E.WarRoomMembersRecorded(ValueList.From([Alice, new Person("bob", "Bob")])) { At = M(9) },
            new E.TitleChanged("Checkout failing", "Card payments fail in the EU", Alice) { At = M(10) },
            new E.WarRoomRenamed("inc-2026-11-21-card-payments-fail-in-the-eu", "https://teams.example/l/channel") { At = M(10) },
            new E.WarRoomRecorded("19:abc@thread.tacv2", "inc-2026-11-21-checkout-failing", "https://teams.example/l/channel") { At = M(9) },
            new E.AnnouncementRecorded("1795265644738") { At = M(9) },
            new E.UpdateReminderSent(Bob, M(21), M(36)) { At = M(21) },
            new E.StatusChanged(IncidentStatus.Investigating, IncidentStatus.Resolved, Bob, "rolled back") { At = M(40) },
            new E.PostmortemReviewed(Alice) { At = M(45) },
            new E.Reopened(Alice, "errors are back", M(65)) { At = M(50) },
            new E.ActionItemAdded(1, Action(ActionItemStatus.Backlog), Alice, "a-1") { At = M(55) },
            new E.ActionItemUpdated(1, Action(ActionItemStatus.InProgress), Bob) { At = M(56) },
            new E.ActionItemAdded(2, Action(ActionItemStatus.Done), Bob, "a-2") { At = M(56) },
            new E.PageDelivered(new PageRef(4, 1, 0, new Responder("bob", "Bob", "schedule primary"))) { At = M(57) },
            new E.PageUndeliverable(new PageRef(4, 1, 0, new Responder("carol", "Carol", "schedule primary")), PageFailure.AppNotInstalled, "no conversation") { At = M(57) },
            new E.LevelUnreachable(1, 0) { At = M(57) },
            new E.EffectAbandoned("PublishAnnouncement", 4, 6, "503 Service Unavailable") { At = M(58) },
        ];
    }
}
