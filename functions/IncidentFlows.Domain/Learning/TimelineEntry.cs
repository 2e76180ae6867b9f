using IncidentFlows.Domain.Incidents;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Learning;

/// <summary>What one event says on the timeline: a short kind, who did it (when a person did), and a sentence.</summary>
public sealed record TimelineEntry(string Kind, string? Who, string Text, bool Pinned = false)
{
    public static TimelineEntry Of(IncidentEvent @event) => @event switch
    {
        E.Declared e => new("declared", e.Reporter.Shown(), Declared(e)),
        E.EscalationStarted e => new("escalation", null, $"Escalation started with policy {e.Plan.PolicyId} ({Count(e.Plan.Levels, "level")})."),
        E.NoEscalationPolicy e => new("escalation", null, $"Nobody paged: no escalation policy for {e.Service ?? "the team"}."),
        E.Paged e => new("paged", string.Join(", ", e.Responders.Select(r => r.Name)),
            $"Paged at level {e.Level + 1}, round {e.Round + 1}: {string.Join(", ", e.Responders.Select(r => $"{r.Name} ({r.Via})"))}."),
        E.CoverageGapFound e => new("coverage gap", null, $"Nobody on call at level {e.Level + 1}, round {e.Round + 1}; moved on."),
        E.PageDelivered e => new("page delivered", e.Page.To.Name, $"Page reached {e.Page.To.Name} in Teams (level {e.Page.Level + 1}, round {e.Page.Round + 1})."),
        E.PageUndeliverable e => new("page undeliverable", e.Page.To.Name,
            $"Could not page {e.Page.To.Name} (level {e.Page.Level + 1}, round {e.Page.Round + 1}): {e.Reason.Display()}{Reason(e.Detail)}"),
        E.LevelUnreachable { WaitsForTimeout: true } e => new("escalation", null, $"Nobody at level {e.Level + 1}, round {e.Round + 1} could be reached; the next round waits for the acknowledgement timeout, so a Teams outage cannot use up every round at once."),
        E.LevelUnreachable e => new("escalation", null, $"Nobody at level {e.Level + 1}, round {e.Round + 1} could be reached; escalating now instead of waiting for the acknowledgement timeout."),
        E.EffectAbandoned e => new("delivery failed", null, $"Gave up on {EffectName(e.Effect)} after {Count(e.Attempts, "attempt")}{Reason(e.Reason)}"),
        E.EscalationExhausted e => new("escalation", null, $"Nobody acknowledged after {Count(e.Rounds, "round")}; escalation stopped."),
        E.Acknowledged e => new("acknowledged", e.By.Shown(), "Acknowledged."),
        E.Joined e => new("joined", e.By.Shown(), "Joined."),
        E.RoleAssigned e => new("role", e.By.Shown(), $"{e.Assignee.Name} is the {e.Role.Display()}."),
        E.RoleRenounced e => new("role", e.Holder.Name, $"{e.Holder.Name} is no longer the {e.Role.Display()}."),
        E.SeverityChanged e => new("severity", e.By.Shown(), $"{e.From.Display()} → {e.To.Display()}{Reason(e.Reason)}"),
        E.StatusChanged e => new("status", e.By.Shown(), $"{e.From.Display()} → {e.To.Display()}{Reason(e.Note)}"),
        E.UpdatePosted e => new("update", e.By.Shown(), e.Text),
        E.NoteAdded e => new("note", e.By.Shown(), e.Text),
        E.MessagePinned e => new("pinned", (e.Author ?? e.By).Name, e.Link is null ? e.Text : $"{e.Text} ({e.Link})", Pinned: true),
        E.WarRoomMembersRecorded e => new("war room", null, $"{Count(e.Members.Count, "member")} in the war room."),
        E.TutorialContinued e => new("tutorial", e.By.Shown(), e.Step == TutorialStep.Introduction ? "Started the tutorial." : "Read what an announcement looks like."),
        E.TitleChanged e => new("title", e.By.Shown(), $"Renamed “{e.From}” → “{e.To}”."),
        E.WarRoomRenamed e => new("war room", null, $"War room renamed {e.Name}."),
        E.LinkShared e => new("link", e.By.Name, $"Shared a {e.Kind}: {e.Title} ({e.Url})"),
        E.WroteInWarRoom e => new("joined", e.Author.Name, "Wrote in the war room for the first time."),
        E.MessageUnpinned e => new("unpinned", e.By.Shown(), "Took a message off the timeline."),
        E.WarRoomRecorded e => new("war room", null, $"War room {e.Name} opened."),
        E.AnnouncementRecorded => new("announcement", null, "Announced in the incidents channel."),
        E.UpdateReminderSent e => new("reminder", e.To.Name, $"A status update was due; reminded {e.To.Name}."),
        E.Reopened e => new("reopened", e.By.Shown(), $"Reopened: {e.Reason}"),
        E.PostmortemReviewed e => new("postmortem reviewed", e.By.Shown(), "Marked the postmortem reviewed."),
        E.ActionItemAdded e => new("action item", e.By.Shown(), $"Added action {e.Number}: {ActionItemText.Summary(e.Item)}"),
        E.ActionItemUpdated e => new("action item", e.By.Shown(), $"Updated action {e.Number}: {ActionItemText.Summary(e.Item)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown incident event."),
    };

    private static string Declared(E.Declared e)
    {
        var kind = e.Kind == IncidentKind.Real ? "" : $" ({e.Kind.ToString().ToLowerInvariant()})";
        var service = e.Service is null ? "" : $" on {e.Service}";
        return $"Declared {e.Severity.Display()}{kind}{service}: {e.Title}";
    }

    /// <summary>Effects by their contract names, as a person would say them.</summary>
    private static string EffectName(string effect) => effect switch
    {
        "OpenWarRoom" => "opening the war room",
        "WelcomeWarRoom" => "the war room's welcome post",
        "DescribeWarRoom" => "the war room's description",
        "ReadWarRoomMembers" => "reading the war room's members",
        "RenameWarRoom" => "renaming the war room",
        "PublishAnnouncement" => "the announcement",
        "PostToWarRoom" => "a war-room post",
        "SharePostmortem" => "sharing the postmortem",
        "GuideTutorial" => "the tutorial's next step",
        "RemindToUpdate" => "the status-update reminder",
        "Page" => "a page",
        _ => effect,
    };

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
