using System.Text;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// Writes the blameless postmortem draft in Markdown from an incident's events. Deterministic: the
/// same input gives the same text, byte for byte (no clock, "\n" line ends, ordinal ordering).
/// </summary>
public static class PostmortemWriter
{
    private const string Missing = "not reached";

    public static string Markdown(PostmortemInput input) => Markdown(input, timelinePlaceholder: null);

    /// <summary>The Markdown, with the timeline table replaced by a paragraph holding <paramref name="timelinePlaceholder"/> when given.</summary>
    internal static string Markdown(PostmortemInput input, string? timelinePlaceholder)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = PostmortemFacts.From(input.History);
        var incident = facts.Incident;
        var clock = new Clock(incident.Times.Reported, input.Zone);
        var sb = new StringBuilder(4096 + (input.History.Count * 110));

        sb.Append("# Postmortem: ").Append(incident.Id).Append(" — ").Append(MarkdownText.Inline(incident.Title)).Append("\n\n");
        sb.Append("_A draft written from the timeline. It is blameless: it asks what in our systems and decisions let this happen, not who. ")
          .Append("Fill in the parts marked \"To fill in\"._\n\n");
        KeyInformation(sb, facts, clock);
        Roles(sb, incident, clock);
        Summary(sb, facts);
        Impact(sb, incident, input.Impact);
        KeyTimes(sb, KeyDurations.From(incident.Times), incident.Times.Detected is not null);
        FollowUp(sb, FollowUpTimes.Of(incident), incident.ActionItems);
        sb.Append("## What happened\n\n");
        if (timelinePlaceholder is null)
        {
            Timeline.Of(input.History, input.Zone).AppendMarkdown(sb);
        }
        else
        {
            sb.Append(timelinePlaceholder).Append('\n');
        }

        sb.Append('\n');
        ToFillIn(sb, "What went well", "what helped us notice, understand and fix it (alerts, dashboards, runbooks, people who knew where to look).");
        ToFillIn(sb, "What went wrong", "what slowed us down or made it worse (missing signals, unclear ownership, risky changes, confusing tools).");
        ToFillIn(sb, "Where we got lucky", "what went our way by chance and will not next time.");
        ActionItemsTable.Append(sb, incident.ActionItems);
        return sb.ToString();
    }

    private static void KeyInformation(StringBuilder sb, PostmortemFacts facts, Clock clock)
    {
        var incident = facts.Incident;
        var times = incident.Times;
        sb.Append("## Key information\n\n");
        sb.Append("- Severity: ").Append(incident.Severity.Display())
          .Append(facts.DeclaredSeverity == incident.Severity ? "" : $" (declared as {facts.DeclaredSeverity.Display()})").Append('\n');
        if (incident.Kind != IncidentKind.Real)
        {
            sb.Append("- Kind: ").Append(ActionItemText.Lower(incident.Kind)).Append(" (excluded from metrics)\n");
        }

        sb.Append("- Status: ").Append(incident.Status.Display()).Append('\n');
        sb.Append("- Service: ").Append(incident.Service is null ? "none given" : MarkdownText.Inline(incident.Service)).Append('\n');
        sb.Append("- War room: ").Append(WarRoom(incident.WarRoom)).Append('\n');
        sb.Append("- Lead: ").Append(facts.Lead is { } lead ? MarkdownText.Inline(lead.Name) : "none assigned").Append('\n');
        sb.Append("- Reporter: ").Append(MarkdownText.Inline(incident.Reporter.Name)).Append("\n\n");
        Team(sb, facts);

        sb.Append("### Key moments\n\n");
        sb.Append("- Reported: ").Append(clock.At(times.Reported)).Append('\n');
        if (times.Detected is { } detected)
        {
            sb.Append("- Detected: ").Append(clock.At(detected)).Append('\n');
        }

        sb.Append("- Acknowledged: ").Append(clock.At(times.Acknowledged)).Append('\n');
        sb.Append("- First joined: ").Append(clock.At(times.FirstJoined)).Append('\n');
        sb.Append("- Identified: ").Append(clock.At(times.Identified)).Append('\n');
        sb.Append("- Mitigated: ").Append(clock.At(times.Mitigated)).Append('\n');
        sb.Append("- Resolved: ").Append(clock.At(times.Resolved)).Append('\n');
        sb.Append("- Closed: ").Append(clock.At(times.Closed)).Append('\n');
        sb.Append("- Postmortem reviewed: ").Append(clock.At(times.PostmortemReviewed)).Append('\n');
        if (times.ActionItemsDone is { } done)
        {
            sb.Append("- Last action item done: ").Append(clock.At(done)).Append('\n');
        }

        sb.Append('\n');
    }

    /// <summary>Who took part (acted on the incident or wrote in the war room) and who only looked on (in the war room, did neither).</summary>
    private static void Team(StringBuilder sb, PostmortemFacts facts)
    {
        var incident = facts.Incident;
        var active = facts.Participants.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var observers = incident.WarRoomMembers.Where(m => !active.Contains(m.Id)).Select(m => MarkdownText.Inline(m.Name)).ToList();
        sb.Append("### Team\n\n");
        sb.Append("- Active participants (acted on the incident or wrote in the war room): ")
          .Append(string.Join(", ", facts.Participants.Select(p => MarkdownText.Inline(p.Name)))).Append('\n');
        sb.Append("- Observers (in the war room, took no part): ").Append(
            incident.WarRoom is null ? "no war room"
            : incident.WarRoomMembers.Count == 0 ? "not recorded (the war room's members are read when it is resolved)"
            : observers.Count == 0 ? "none" : string.Join(", ", observers)).Append("\n\n");
    }

    private static void Roles(StringBuilder sb, Incident incident, Clock clock)
    {
        sb.Append("### Who held which role\n\n| Role | Who | From | Until |\n|---|---|---|---|\n");
        foreach (var holding in incident.Roles)
        {
            sb.Append("| ").Append(holding.Role.Display())
              .Append(" | ").Append(MarkdownText.Inline(holding.Person.Name))
              .Append(" | ").Append(clock.At(holding.From))
              .Append(" | ").Append(holding.Until is { } until ? clock.At(until) : "—")
              .Append(" |\n");
        }

        sb.Append('\n');
    }

    private static void Summary(StringBuilder sb, PostmortemFacts facts)
    {
        sb.Append("## Summary\n\n");
        sb.Append(facts.Incident.Summary is { } summary ? MarkdownText.Inline(summary) : "_To fill in: what happened, in two or three sentences._").Append("\n\n");
        if (facts.Resolution is { } resolution && !string.IsNullOrWhiteSpace(resolution))
        {
            sb.Append("Resolution: ").Append(MarkdownText.Inline(resolution)).Append("\n\n");
        }
    }

    private static void Impact(StringBuilder sb, Incident incident, IReadOnlyList<ServiceImpact> impact)
    {
        sb.Append("## Impact\n\n");
        sb.Append("- Service: ").Append(incident.Service is null ? "none given" : MarkdownText.Inline(incident.Service)).Append('\n');
        foreach (var service in impact.OrderBy(s => s.Service, StringComparer.Ordinal))
        {
            sb.Append("- ").Append(MarkdownText.Inline(service.Service))
              .Append(service.OwningTeam is { } team ? $" (owned by {MarkdownText.Inline(team)})" : "")
              .Append(": ").Append(service.CustomerImpact is { } customers ? MarkdownText.Inline(customers) : "customer impact not described in the catalog")
              .Append('\n');
        }

        sb.Append("\n_To fill in: who was affected, how many, and for how long._\n\n");
    }

    private static void KeyTimes(StringBuilder sb, KeyDurations d, bool detectionKnown)
    {
        sb.Append("## Key times\n\n| Key time | Duration | Measured |\n|---|---|---|\n");
        if (detectionKnown)
        {
            sb.Append("| TTD, time to declare | ").Append(Span(d.TimeToDeclare)).Append(" | detected → reported |\n");
        }

        sb.Append("| TTA / TTE, time to acknowledge | ").Append(Span(d.TimeToAcknowledge)).Append(" | reported → acknowledged |\n");
        sb.Append("| Time to muster | ").Append(Span(d.TimeToMuster)).Append(" | reported → first joined |\n");
        sb.Append("| TTM, time to mitigate | ").Append(Span(d.TimeToMitigate)).Append(" | reported → mitigated |\n");
        sb.Append("| TTR, time to resolve | ").Append(Span(d.TimeToResolve)).Append(" | reported → resolved |\n");
    }

    /// <summary>The rows of the times after the resolution: a figure once it ended, otherwise why there is none yet.</summary>
    private static void FollowUp(StringBuilder sb, FollowUpTimes f, Common.ValueList<ActionItem> items)
    {
        var open = items.Count(i => !i.IsFinished);
        var whyImproving = items.Count == 1 ? "its action item is open" : $"{open} of {items.Count} action items open";
        sb.Append("| Time to learn | ").Append(Span(f.TimeToLearn, "postmortem not reviewed yet")).Append(" | resolved → postmortem reviewed |\n");
        sb.Append("| Time to improve | ").Append(Span(f.TimeToImprove, whyImproving)).Append(" | resolved → last action item done |\n\n");
    }

    private static string Span(FollowUpTime time, string whyRunning) => time.Progress switch
    {
        FollowUpProgress.Done => Span(time.Duration),
        FollowUpProgress.Running => $"running: {whyRunning}",
        FollowUpProgress.NotStarted => Missing,
        _ => time.Progress.Display(),
    };

    private static void ToFillIn(StringBuilder sb, string heading, string prompt) =>
        sb.Append("## ").Append(heading).Append("\n\n_To fill in: ").Append(prompt).Append("_\n\n");

    private static string Span(Duration? duration) => duration is { } d ? DurationText.Format(d) : Missing;

    /// <summary>Only https links are written out: the URL comes from an effect result, and a link is an invitation to click.</summary>
    private static string WarRoom(WarRoom? room) => room switch
    {
        null => "none",
        { Url: { } url } when url.StartsWith("https://", StringComparison.Ordinal) && !url.Any(c => c is ' ' or '(' or ')' or '<' or '>')
            => $"[{MarkdownText.Inline(room.Name)}]({url})",
        _ => MarkdownText.Inline(room.Name),
    };

    /// <summary>Instants in the reader's zone with their offset from the report: "2022-02-02 06:16:56 UTC (+30m 52s)".</summary>
    private sealed record Clock(Instant Reported, DateTimeZone Zone)
    {
        public string At(Instant? at) =>
            at is { } instant ? $"{LocalTimeText.Format(instant, Zone)} ({DurationText.Offset(instant, Reported)})" : Missing;
    }
}
