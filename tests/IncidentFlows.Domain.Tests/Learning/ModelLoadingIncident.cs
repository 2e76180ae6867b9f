using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>
/// A fixed, complete history (the seed talk's example): reported 2022-02-02 05:46:04 UTC, identified
/// at 06:16:56 (+30m 52s), a lead handover, resolved, closed the next day, and an action item worked
/// on after the close. The golden postmortem is written from it.
/// </summary>
internal static class ModelLoadingIncident
{
    public static readonly Instant Reported = Instant.FromUtc(2022, 2, 2, 5, 46, 4);
    public static readonly Person Alice = new("alice", "Alice");
    public static readonly Person Bob = new("bob", "Bob");
    public static readonly Person Carol = new("carol", "Carol");
    public static readonly Person Dan = new("dan", "Dan");
    public static readonly Person Erin = new("erin", "Erin");
    public static readonly Person Frank = new("frank", "Frank");

    public static readonly ActionItemDetails ValidateConfig = new(
        "Validate model config at startup", Importance.High, Urgency.High, ActionItemSize.Days, ActionItemStatus.Backlog, Carol, Confidence.High, new LocalDate(2022, 2, 9));

    public static readonly ActionItemDetails AlertOnLoadFailures = new("Alert on model load failures", Importance.High, Urgency.Medium, ActionItemSize.Hours);

    public static readonly ActionItemDetails RewriteLoader = new("Rewrite the model loader", Importance.Medium, Urgency.Low, ActionItemSize.Weeks, ActionItemStatus.Triage);

    public static IReadOnlyList<IncidentEvent> History()
    {
        var sev2 = SeverityPolicies.Default[Severity.Sev2];
        var sev1 = SeverityPolicies.Default[Severity.Sev1];
        var plan = new EscalationPlan("ml-platform", [Duration.FromMinutes(15)], RepeatCount: 0, RepeatFromLevel: 0);
        return
        [
            new E.Declared(new IncidentId("INC-7"), "NullPointerException when loading a model", Severity.Sev2, IncidentKind.Real, Alice,
                "model-serving", "Loading any model failed with a NullPointerException, so every prediction request returned an error.",
                Reported - Duration.FromSeconds(130), sev2, At(60 * 60)) { At = Reported },
            new E.EscalationStarted(plan) { At = Reported },
            new E.Paged(0, 0, ValueList.From([new Responder("bob", "Bob", "schedule ml-primary")]), At(15 * 60)) { At = Reported },
            new E.WarRoomRecorded("19:abc@thread.tacv2", "inc-2022-02-02-nullpointerexception-when-loading-a-model", "https://teams.microsoft.com/l/channel/19%3aabc") { At = At(5) },
            new E.AnnouncementRecorded("1643780770000") { At = At(6) },
            new E.Acknowledged(Bob) { At = At((3 * 60) + 56) },
            new E.Joined(Bob) { At = At((4 * 60) + 10) },
            new E.RoleAssigned(IncidentRole.Lead, Bob, Alice) { At = At(5 * 60) },
            new E.SeverityChanged(Severity.Sev2, Severity.Sev1, Bob, "All customers affected", sev1, At(35 * 60)) { At = At(9 * 60) },
            new E.Joined(Carol) { At = At(12 * 60) },
            new E.WroteInWarRoom(Erin) { At = At((12 * 60) + 10) },
            new E.RoleAssigned(IncidentRole.SubjectMatterExpert, Carol, Bob) { At = At((12 * 60) + 30) },
            new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Investigating, Bob, null) { At = At(13 * 60) },
            new E.UpdatePosted("Rolling back model-serving 4.2 | not helping yet", Bob, At(50 * 60), "activity-1") { At = At(20 * 60) },
            new E.MessagePinned("msg-77", "Stack trace: NPE in ModelLoader.load()", Carol) { At = At(25 * 60) },
            new E.StatusChanged(IncidentStatus.Investigating, IncidentStatus.Identified, Bob, "Config for the new model format is missing") { At = At((30 * 60) + 52) },
            new E.NoteAdded("Hotfix with the *config* deployed", Carol, "activity-2") { At = At(41 * 60) },
            new E.LinkShared("https://github.com/contoso/models/pull/88", "GitHub pull request", "contoso/models#88", Carol) { At = At(42 * 60), PostedAt = At(40 * 60) },
            new E.StatusChanged(IncidentStatus.Identified, IncidentStatus.Monitoring, Bob, null) { At = At(45 * 60) },
            new E.RoleRenounced(IncidentRole.Lead, Bob) { At = At(60 * 60) },
            new E.RoleAssigned(IncidentRole.Lead, Dan, Bob) { At = At(60 * 60) },
            new E.StatusChanged(IncidentStatus.Monitoring, IncidentStatus.Resolved, Dan, "Config restored; models load again") { At = At(80 * 60) },
            new E.WarRoomMembersRecorded(ValueList.From([Alice, Bob, Carol, Dan, Erin, Frank])) { At = At((80 * 60) + 2) },
            new E.ActionItemAdded(1, ValidateConfig, Dan, null) { At = At(90 * 60) },
            new E.ActionItemAdded(2, AlertOnLoadFailures, Dan, null) { At = At(91 * 60) },
            new E.ActionItemAdded(3, RewriteLoader, Carol, null) { At = At(92 * 60) },
            new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, Dan, null) { At = At(26 * 60 * 60) },
            new E.ActionItemUpdated(1, ValidateConfig with { Status = ActionItemStatus.InProgress }, Carol) { At = At(27 * 60 * 60) },
        ];
    }

    private static Instant At(int secondsAfterReport) => Reported + Duration.FromSeconds(secondsAfterReport);
}
