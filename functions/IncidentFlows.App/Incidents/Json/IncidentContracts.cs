using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Incidents.Json;

/// <summary>
/// The stored names of events, effects and commands (commands travel as Durable Functions external
/// events and orchestration inputs), written down so renaming a C# type never renames a stored
/// contract. Every event is at schema version 1; a reshaped event gets a new version and an upcaster.
/// A test checks that every event and effect type has a name here.
/// </summary>
public static class IncidentContracts
{
    public const int SchemaVersion = 1;

    public static readonly IReadOnlyDictionary<Type, string> Events = new Dictionary<Type, string>
    {
        [typeof(E.Declared)] = "Declared",
        [typeof(E.EscalationStarted)] = "EscalationStarted",
        [typeof(E.NoEscalationPolicy)] = "NoEscalationPolicy",
        [typeof(E.Paged)] = "Paged",
        [typeof(E.CoverageGapFound)] = "CoverageGapFound",
        [typeof(E.EscalationExhausted)] = "EscalationExhausted",
        [typeof(E.PageDelivered)] = "PageDelivered",
        [typeof(E.PageUndeliverable)] = "PageUndeliverable",
        [typeof(E.LevelUnreachable)] = "LevelUnreachable",
        [typeof(E.EffectAbandoned)] = "EffectAbandoned",
        [typeof(E.Acknowledged)] = "Acknowledged",
        [typeof(E.Joined)] = "Joined",
        [typeof(E.RoleAssigned)] = "RoleAssigned",
        [typeof(E.RoleRenounced)] = "RoleRenounced",
        [typeof(E.SeverityChanged)] = "SeverityChanged",
        [typeof(E.StatusChanged)] = "StatusChanged",
        [typeof(E.UpdatePosted)] = "UpdatePosted",
        [typeof(E.NoteAdded)] = "NoteAdded",
        [typeof(E.MessagePinned)] = "MessagePinned",
        [typeof(E.MessageUnpinned)] = "MessageUnpinned",
        [typeof(E.LinkShared)] = "LinkShared",
        [typeof(E.TitleChanged)] = "TitleChanged",
        [typeof(E.TutorialContinued)] = "TutorialContinued",
        [typeof(E.WarRoomMembersRecorded)] = "WarRoomMembersRecorded",
        [typeof(E.WarRoomRenamed)] = "WarRoomRenamed",
        [typeof(E.WroteInWarRoom)] = "WroteInWarRoom",
        [typeof(E.WarRoomRecorded)] = "WarRoomRecorded",
        [typeof(E.AnnouncementRecorded)] = "AnnouncementRecorded",
        [typeof(E.UpdateReminderSent)] = "UpdateReminderSent",
        [typeof(E.Reopened)] = "Reopened",
        [typeof(E.PostmortemReviewed)] = "PostmortemReviewed",
        [typeof(E.ActionItemAdded)] = "ActionItemAdded",
        [typeof(E.ActionItemUpdated)] = "ActionItemUpdated",
    };

    public static readonly IReadOnlyDictionary<Type, string> Effects = new Dictionary<Type, string>
    {
        [typeof(X.OpenWarRoom)] = "OpenWarRoom",
        [typeof(X.WelcomeWarRoom)] = "WelcomeWarRoom",
        [typeof(X.DescribeWarRoom)] = "DescribeWarRoom",
        [typeof(X.ReadWarRoomMembers)] = "ReadWarRoomMembers",
        [typeof(X.RenameWarRoom)] = "RenameWarRoom",
        [typeof(X.PublishAnnouncement)] = "PublishAnnouncement",
        [typeof(X.Page)] = "Page",
        [typeof(X.PostToWarRoom)] = "PostToWarRoom",
        [typeof(X.RemindToUpdate)] = "RemindToUpdate",
        [typeof(X.SharePostmortem)] = "SharePostmortem",
        [typeof(X.GuideTutorial)] = "GuideTutorial",
    };

    public static readonly IReadOnlyDictionary<Type, string> Commands = new Dictionary<Type, string>
    {
        [typeof(C.Declare)] = "Declare",
        [typeof(C.Acknowledge)] = "Acknowledge",
        [typeof(C.Join)] = "Join",
        [typeof(C.AssignRole)] = "AssignRole",
        [typeof(C.RenounceRole)] = "RenounceRole",
        [typeof(C.ChangeSeverity)] = "ChangeSeverity",
        [typeof(C.ChangeStatus)] = "ChangeStatus",
        [typeof(C.PostUpdate)] = "PostUpdate",
        [typeof(C.AddNote)] = "AddNote",
        [typeof(C.PinMessage)] = "PinMessage",
        [typeof(C.UnpinMessage)] = "UnpinMessage",
        [typeof(C.ShareLink)] = "ShareLink",
        [typeof(C.Retitle)] = "Retitle",
        [typeof(C.ContinueTutorial)] = "ContinueTutorial",
        [typeof(C.RecordWarRoomMembers)] = "RecordWarRoomMembers",
        [typeof(C.NoteWarRoomWriter)] = "NoteWarRoomWriter",
        [typeof(C.RecordWarRoom)] = "RecordWarRoom",
        [typeof(C.RecordAnnouncement)] = "RecordAnnouncement",
        [typeof(C.RecordPageDelivered)] = "RecordPageDelivered",
        [typeof(C.RecordPageUndeliverable)] = "RecordPageUndeliverable",
        [typeof(C.RecordEffectAbandoned)] = "RecordEffectAbandoned",
        [typeof(C.Escalate)] = "Escalate",
        [typeof(C.Remind)] = "Remind",
        [typeof(C.Resolve)] = "Resolve",
        [typeof(C.Close)] = "Close",
        [typeof(C.Reopen)] = "Reopen",
        [typeof(C.MarkPostmortemReviewed)] = "MarkPostmortemReviewed",
        [typeof(C.AddActionItem)] = "AddActionItem",
        [typeof(C.UpdateActionItem)] = "UpdateActionItem",
    };

    public static readonly IReadOnlyDictionary<string, Type> EventTypes = Events.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string NameOf(IncidentEvent e) => Events.TryGetValue(e.GetType(), out var name)
        ? name
        : throw new InvalidOperationException($"Event {e.GetType().Name} has no stored contract name; add it to {nameof(IncidentContracts)}.");

    public static string NameOf(IncidentEffect effect) => Effects.TryGetValue(effect.GetType(), out var name)
        ? name
        : throw new InvalidOperationException($"Effect {effect.GetType().Name} has no stored contract name; add it to {nameof(IncidentContracts)}.");
}
