using IncidentFlows.App.Effects;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Graph;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Domain.Learning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Teams;

/// <summary>
/// Effects for real when Teams is configured: the war room through Graph, every post through the bot
/// (Graph cannot post channel messages with application permissions), the announcement posted once
/// and then updated in place, pages through <see cref="TeamsPager"/> (whose outcome is the result).
/// Throws to be retried; the war room is found again rather than created twice. Every post is keyed by
/// the number of the event that called for it (<see cref="IncidentEffect.EventNumber"/>), so a retry never
/// posts twice and two events at the same instant are never merged.
/// </summary>
public sealed partial class TeamsEffectRunner(
    IWarRooms warRooms,
    TeamsPager pager,
    TeamsMessenger messenger,
    ConversationBook book,
    TeamsPeople people,
    IOptions<TeamsOptions> options,
    ILogger<TeamsEffectRunner> log) : IEffectRunner
{
    public async Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(incident);
        switch (effect)
        {
            case X.OpenWarRoom when incident.WarRoom is not null:
                return null;
            case X.OpenWarRoom open:
                var opened = await warRooms.OpenAsync(incident.Id, open.Title, open.DeclaredAt, ct);
                await book.LinkWarRoomAsync(opened.ChannelId, incident.Id.Value, ct);
                return new IncidentCommand.RecordWarRoom(opened.ChannelId, opened.Name, opened.Url);
            case X.WelcomeWarRoom when incident.WarRoom is { } welcomed:
                await OnceAsync($"{incident.Id}:welcome", () => messenger.PostToChannelAsync(welcomed.ChannelId, Activity.Message(Welcome(incident), IncidentCard.For(incident, site: options.Value.PublicBaseUrl)), ct), ct);
                await warRooms.DescribeAsync(welcomed.ChannelId, WarRoomTopic.For(incident, options.Value.PublicBaseUrl), ct);
                return null;
            case X.ReadWarRoomMembers when incident.WarRoom is { } read:
                var members = await warRooms.MembersAsync(read.ChannelId, ct);
                return new IncidentCommand.RecordWarRoomMembers(Domain.Common.ValueList.From(members.Select(m => people.From(new ChannelAccount(m.EntraObjectId, m.Name, m.EntraObjectId)))));
            case X.DescribeWarRoom when incident.WarRoom is { } described:
                await warRooms.DescribeAsync(described.ChannelId, WarRoomTopic.For(incident, options.Value.PublicBaseUrl), ct); // the state now, whichever change asked
                return null;
            case X.RenameWarRoom rename when incident.WarRoom is { } room:
                var renamed = await warRooms.RenameAsync(room, rename.Title, incident.Times.Reported, ct);
                return new IncidentCommand.RecordWarRoom(renamed.ChannelId, renamed.Name, renamed.Url);
            case X.PublishAnnouncement:
                return await AnnounceAsync(incident, ct);
            case X.Page page:
                return await pager.PageAsync(incident, page, ct);
            case X.PostToWarRoom post when incident.WarRoom is { } warRoom:
                await PostAsync(incident, warRoom, post, ct);
                return null;
            case X.SharePostmortem share when incident.WarRoom is { } room:
                await OnceAsync(Key(incident, share, $"postmortem:{share.Status}"), () => messenger.PostToChannelAsync(room.ChannelId, Activity.Message(Postmortem(incident, share.Status), PostmortemCard.For(incident, site: options.Value.PublicBaseUrl)), ct), ct);
                return null;
            case X.RemindToUpdate remind:
                await RemindAsync(incident, remind, ct);
                return null;
            case X.GuideTutorial guide:
                await GuideAsync(incident, guide, ct);
                return null;
            case X.WelcomeWarRoom or X.PostToWarRoom or X.SharePostmortem or X.DescribeWarRoom or X.RenameWarRoom or X.ReadWarRoomMembers:
                return null; // no war room (the severity opens none, or not yet): nothing to post into
            default:
                LogNotHandled(incident.Id.Value, effect.GetType().Name); // a new kind of effect needs a case here
                return null;
        }
    }

    private async Task<IncidentCommand?> AnnounceAsync(Incident incident, CancellationToken ct)
    {
        // The card alone: text + attachment is two Teams messages underneath, and a PUT cannot update
        // into two ("Activity resulted into multiple skype activities"). The summary is the notification text.
        var message = Activity.Message(null, IncidentCard.For(incident, site: options.Value.PublicBaseUrl)) with { Summary = $"{incident.Id} {incident.Severity.Display()} {incident.Status.Display()}: {incident.Title}" };
        if (MessageRef.Parse(incident.AnnouncementRef) is { } posted)
        {
            await messenger.UpdateAsync(posted, message, ct);
            return null;
        }

        // One announcement per incident: a retry after the post (its RecordAnnouncement not yet taken) finds it here.
        var key = $"{incident.Id}:announcement";
        if (await book.SentAsAsync(key, ct) is { } sent)
        {
            return new IncidentCommand.RecordAnnouncement(sent);
        }

        var reference = (await messenger.PostToChannelAsync(await messenger.IncidentsChannelAsync(ct), message, ct)).ToString();
        await book.MarkSentAsync(key, reference, ct);
        return new IncidentCommand.RecordAnnouncement(reference);
    }

    private async Task PostAsync(Incident incident, WarRoom room, X.PostToWarRoom post, CancellationToken ct)
    {
        var e = post.Event;
        var entry = TimelineEntry.Of(e);
        var text = entry.Who is null || !WrittenBy(e) ? entry.Text : $"**{entry.Who}**: {entry.Text}";
        await OnceAsync(Key(incident, post, $"post:{e.At.ToUnixTimeTicks()}:{e.GetType().Name}"), () => messenger.PostToChannelAsync(room.ChannelId, Activity.Message(text), ct), ct);
        if (e is IncidentEvent.StatusChanged { To: IncidentStatus.Closed } && options.Value.ArchiveWarRoomsOnClose)
        {
            await warRooms.ArchiveAsync(room.ChannelId, ct);
        }
    }

    /// <summary>A tutorial has no war room: its next step goes 1:1 to whoever declared it.</summary>
    private async Task GuideAsync(Incident incident, X.GuideTutorial guide, CancellationToken ct)
    {
        if (people.EntraIdOf(incident.Reporter.Id) is not { } reporter)
        {
            LogCannotReach(incident.Id.Value, incident.Reporter.Name, "no Entra object id for the tutorial's reporter");
            return;
        }

        var card = TutorialCard.For(incident, guide.Step, options.Value.PublicBaseUrl);
        await OnceAsync($"{incident.Id}:tutorial:{guide.Step}", () => messenger.SendToUserAsync(reporter, Activity.Message($"**{incident.Id} (tutorial)**: {Tutorial.Instruction(guide.Step)}", card), ct), ct);

        // The chat is the tutorial's room while it runs: commands typed there and messages pinned there are the tutorial's.
        if (await book.UserAsync(reporter.ToString(), ct) is { ConversationId.Length: > 0 } chat)
        {
            await (guide.Step == TutorialStep.Done ? book.UnlinkWarRoomAsync(chat.ConversationId, ct) : book.LinkWarRoomAsync(chat.ConversationId, incident.Id.Value, ct));
        }
    }

    private async Task RemindAsync(Incident incident, X.RemindToUpdate remind, CancellationToken ct)
    {
        if (people.Member(remind.To.Id) is not { } member)
        {
            LogCannotReach(incident.Id.Value, remind.To.Name, "not a team member with a Teams identity");
            return;
        }

        var due = remind.MissedDue.InZone(member.TimeZone).ToString("HH:mm (z)", System.Globalization.CultureInfo.InvariantCulture);
        await OnceAsync(Key(incident, remind, $"remind:{remind.MissedDue.ToUnixTimeTicks()}"), () => messenger.SendToUserAsync(member.Teams.EntraObjectId, Activity.Message(null, StatusUpdateCard.For(incident, due)), ct), ct);
    }

    /// <summary>
    /// The delivery key of an effect: the incident and the number of the event that called for it, the
    /// same rule for war-room posts, reminders, postmortem shares and pages (<see cref="TeamsPager"/>).
    /// Effects stored before event numbers existed keep their old key.
    /// </summary>
    private static string Key(Incident incident, IncidentEffect effect, string legacy) =>
        effect.EventNumber > 0 ? $"{incident.Id}:{Kind(effect)}:{effect.EventNumber}" : $"{incident.Id}:{legacy}";

    private static string Kind(IncidentEffect effect) => effect switch
    {
        X.PostToWarRoom => "post",
        X.SharePostmortem => "postmortem",
        X.RemindToUpdate => "remind",
        _ => effect.GetType().Name,
    };

    /// <summary>
    /// Posts unless this post was already delivered: a retry after a later step failed (archiving, say)
    /// must not post twice. A crash between the post and the mark can still repeat it (at least once).
    /// </summary>
    private async Task OnceAsync(string key, Func<Task> post, CancellationToken ct)
    {
        if (await book.WasSentAsync(key, ct))
        {
            return;
        }

        await post();
        await book.MarkSentAsync(key, ct);
    }

    private string Postmortem(Incident i, IncidentStatus status)
    {
        var path = $"api/incidents/{Uri.EscapeDataString(i.Id.Value)}/postmortem";
        var link = options.Value.PublicBaseUrl is { } site ? $"[{i.Id} postmortem]({IncidentCard.Homepage(site, i, "postmortem")})" : $"`/{path}`";
        return status == IncidentStatus.Closed
            ? $"{i.Id} is closed. The postmortem: {link}"
            : $"{i.Id} is resolved. The postmortem draft is ready — key times, timeline and action items: {link}";
    }

    private static string Welcome(Incident i) =>
        $"Welcome to the war room of **{i.Id}** ({i.Severity.Display()}): {i.Title}. "
        + $"Lead: {i.Holder(IncidentRole.Lead)?.Name ?? "nobody yet — say \"lead me\""}. Reported by {i.Reporter.Name}. "
        + Paging(i)
        + "Post updates with \"update …\", notes with \"note …\"; \"help\" lists every command.";

    /// <summary>The page that went out before the war room existed (level 1, at the declare), so the room sees it too.</summary>
    private static string Paging(Incident i) => i is { IsAcknowledged: false, Escalation: { Exhausted: false, Responders.Count: > 0 } e }
        ? $"Paged at level {e.Level + 1}, round {e.Round + 1}: {string.Join(", ", e.Responders.Select(r => $"{r.Name} ({r.Via})"))}. "
        : "";

    /// <summary>
    /// Whether the timeline's person wrote the event, so a war-room post may show them as its author; a page
    /// or reminder names the person it went to, who did not write it.
    /// </summary>
    private static bool WrittenBy(IncidentEvent e) => e is not (IncidentEvent.Paged or IncidentEvent.PageDelivered
        or IncidentEvent.PageUndeliverable or IncidentEvent.UpdateReminderSent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{IncidentId}: cannot reach {Person} in Teams: {Reason}")]
    private partial void LogCannotReach(string incidentId, string person, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{IncidentId}: effect {Kind} has no Teams handling; it was skipped")]
    private partial void LogNotHandled(string incidentId, string kind);

}
