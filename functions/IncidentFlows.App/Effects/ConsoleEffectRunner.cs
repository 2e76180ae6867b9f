using IncidentFlows.App.Incidents;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Domain.Learning;
using Microsoft.Extensions.Logging;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Effects;

/// <summary>
/// Effects when Teams is not configured: each becomes a readable log line saying what would be
/// posted and who would be paged. The war room and announcement get local references so the
/// incident's life goes on exactly as it would with Teams.
/// </summary>
public sealed partial class ConsoleEffectRunner(ITeamContextSource team, ILogger<ConsoleEffectRunner> log) : IEffectRunner
{
    private readonly HashSet<string> _rooms = new(StringComparer.OrdinalIgnoreCase);

#pragma warning disable CA1873 // Each log line is the effect itself, not diagnostics: it is always built.
    public Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(incident);
        var id = incident.Id.Value;
        IncidentCommand? result = null;
        switch (effect)
        {
            case X.OpenWarRoom open when incident.WarRoom is null:
                string name;
                lock (_rooms)
                {
                    name = WarRoomNames.Propose(open.Title, open.DeclaredAt, team.Current.Zone, _rooms);
                    _rooms.Add(name);
                }

                LogWarRoom(id, name);
                result = new IncidentCommand.RecordWarRoom($"local:{id}", name, null);
                break;
            case X.WelcomeWarRoom:
                LogWarRoomPost(id, incident.WarRoom?.Name ?? "-", $"Welcome to {id} ({incident.Severity.Display()}): {incident.Title}. Lead: {incident.Holder(IncidentRole.Lead)?.Name ?? "none yet"}.");
                break;
            case X.DescribeWarRoom:
                LogWarRoomPost(id, incident.WarRoom?.Name ?? "-", "(description) " + Teams.Graph.WarRoomTopic.For(incident, site: null));
                break;
            case X.RenameWarRoom rename when incident.WarRoom is { } room:
                string renamed;
                lock (_rooms)
                {
                    renamed = WarRoomNames.Propose(rename.Title, incident.Times.Reported, team.Current.Zone, [.. _rooms.Where(r => r != room.Name)]);
                    _rooms.Add(renamed);
                }

                LogWarRoom(id, renamed);
                result = new IncidentCommand.RecordWarRoom(room.ChannelId, renamed, room.Url);
                break;
            case X.PublishAnnouncement:
                LogAnnouncement(id, incident.AnnouncementRef is null ? "posts" : "updates", Announcement(incident));
                result = incident.AnnouncementRef is null ? new IncidentCommand.RecordAnnouncement($"local:announcement:{id}") : null;
                break;
            case X.Page page:
                LogPage(id, page.Responder.Name, page.Level + 1, page.Round + 1, page.Responder.Via, page.AckDeadline.ToString());
                break;
            case X.PostToWarRoom post:
                var entry = TimelineEntry.Of(post.Event);
                LogWarRoomPost(id, incident.WarRoom?.Name ?? "-", entry.Who is null ? entry.Text : $"{entry.Who}: {entry.Text}");
                break;
            case X.SharePostmortem share:
                LogWarRoomPost(id, incident.WarRoom?.Name ?? "-", $"The postmortem {(share.Status == IncidentStatus.Closed ? "" : "draft ")}is ready: /api/incidents/{id}/postmortem");
                break;
            case X.GuideTutorial guide:
                LogWarRoomPost(id, incident.WarRoom?.Name ?? "tutorial", Tutorial.Instruction(guide.Step));
                break;
            case X.RemindToUpdate remind:
                LogReminder(id, remind.To.Name, remind.MissedDue.ToString());
                break;
            default:
                break;
        }

        return Task.FromResult(result);
    }
#pragma warning restore CA1873

    private static string Announcement(Incident i) =>
        $"{i.Id} {i.Severity.Display()} {i.Status.Display()}: {i.Title}"
        + $" | lead {i.Holder(IncidentRole.Lead)?.Name ?? "-"} | war room {i.WarRoom?.Name ?? "-"}"
        + (i.Kind == IncidentKind.Real ? "" : $" | {i.Kind.ToString().ToLowerInvariant()}");

    [LoggerMessage(Level = LogLevel.Information, Message = "[teams] {IncidentId}: war room #{Name} opened")]
    private partial void LogWarRoom(string incidentId, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "[teams] {IncidentId} #{Room}: {Text}")]
    private partial void LogWarRoomPost(string incidentId, string room, string text);

    [LoggerMessage(Level = LogLevel.Information, Message = "[teams] {IncidentId}: announcement {Action}: {Text}")]
    private partial void LogAnnouncement(string incidentId, string action, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[page] {IncidentId}: paging {Person} (level {Level}, round {Round}, {Via}); acknowledge by {Deadline}")]
    private partial void LogPage(string incidentId, string person, int level, int round, string via, string deadline);

    [LoggerMessage(Level = LogLevel.Information, Message = "[teams] {IncidentId}: reminded {Person} that a status update was due at {Due}")]
    private partial void LogReminder(string incidentId, string person, string due);
}
