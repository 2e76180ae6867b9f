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
/// and then updated in place, pages as 1:1 cards plus an activity-feed notification. Throws to be
/// retried; the war room is found again rather than created twice.
/// </summary>
public sealed partial class TeamsEffectRunner(
    IWarRooms warRooms,
    IActivityFeed feed,
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
                return null;
            case X.PublishAnnouncement:
                return await AnnounceAsync(incident, ct);
            case X.Page page:
                await PageAsync(incident, page, ct);
                return null;
            case X.PostToWarRoom post when incident.WarRoom is { } warRoom:
                await PostAsync(incident, warRoom, post.Event, ct);
                return null;
            case X.SharePostmortem share when incident.WarRoom is { } room:
                await OnceAsync($"{incident.Id}:postmortem:{share.Status}", () => messenger.PostToChannelAsync(room.ChannelId, Activity.Message(Postmortem(incident, share.Status)), ct), ct);
                return null;
            case X.RemindToUpdate remind:
                await RemindAsync(incident, remind, ct);
                return null;
            case X.GuideTutorial guide:
                await GuideAsync(incident, guide, ct);
                return null;
            case X.WelcomeWarRoom or X.PostToWarRoom or X.SharePostmortem:
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

        var reference = await messenger.PostToChannelAsync(await messenger.IncidentsChannelAsync(ct), message, ct);
        return new IncidentCommand.RecordAnnouncement(reference.ToString());
    }

    private async Task PageAsync(Incident incident, X.Page page, CancellationToken ct)
    {
        if (people.Member(page.Responder.PersonId) is not { } member)
        {
            LogCannotReach(incident.Id.Value, page.Responder.Name, "not a team member with a Teams identity");
            return;
        }

        var deadline = page.AckDeadline.InZone(member.TimeZone).ToString("HH:mm (z)", System.Globalization.CultureInfo.InvariantCulture);
        var card = PageCard.For(incident, page.Level, page.Round, page.Responder.Via, deadline);
        var preview = $"{incident.Id} {incident.Severity.Display()}: {incident.Title}";
        var key = $"{incident.Id}:page:{page.Level}:{page.Round}:{member.Id}";
        if (await book.WasSentAsync(key, ct))
        {
            return; // sent before a failure later in this effect; the bell was tried then too
        }

        if (!await messenger.SendToUserAsync(member.Teams.EntraObjectId, Activity.Message($"You are paged for {preview}", card), ct))
        {
            LogCannotReach(incident.Id.Value, member.Name, "the app is not installed for them yet");
        }

        await book.MarkSentAsync(key, ct);

        try
        {
            await feed.NotifyAsync(member.Teams.EntraObjectId, incident.Id.Value, preview, incident.WarRoom?.Url, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A Graph timeout included. The 1:1 card was sent; failing here would send it again on retry. The bell is a bonus.
            LogFeedFailed(e, incident.Id.Value, member.Name);
        }
    }

    private async Task PostAsync(Incident incident, WarRoom room, IncidentEvent e, CancellationToken ct)
    {
        var entry = TimelineEntry.Of(e);
        var text = entry.Who is null ? entry.Text : $"**{entry.Who}**: {entry.Text}";
        await OnceAsync($"{incident.Id}:post:{e.At.ToUnixTimeTicks()}:{e.GetType().Name}", () => messenger.PostToChannelAsync(room.ChannelId, Activity.Message(text), ct), ct);
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

        await OnceAsync($"{incident.Id}:tutorial:{guide.Step}", () => messenger.SendToUserAsync(reporter, Activity.Message($"**{incident.Id} (tutorial)**: {Tutorial.Instruction(guide.Step)}"), ct), ct);
    }

    private async Task RemindAsync(Incident incident, X.RemindToUpdate remind, CancellationToken ct)
    {
        if (people.Member(remind.To.Id) is not { } member)
        {
            LogCannotReach(incident.Id.Value, remind.To.Name, "not a team member with a Teams identity");
            return;
        }

        var due = remind.MissedDue.InZone(member.TimeZone).ToString("HH:mm (z)", System.Globalization.CultureInfo.InvariantCulture);
        await messenger.SendToUserAsync(member.Teams.EntraObjectId, Activity.Message(null, StatusUpdateCard.For(incident, due)), ct);
    }

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
        + "Post updates with \"update …\", notes with \"note …\"; \"help\" lists every command.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{IncidentId}: cannot reach {Person} in Teams: {Reason}")]
    private partial void LogCannotReach(string incidentId, string person, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{IncidentId}: effect {Kind} has no Teams handling; it was skipped")]
    private partial void LogNotHandled(string incidentId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{IncidentId}: the activity-feed notification to {Person} failed")]
    private partial void LogFeedFailed(Exception exception, string incidentId, string person);
}
