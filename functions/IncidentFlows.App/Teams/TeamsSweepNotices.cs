using System.Globalization;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Sweeps;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;

namespace IncidentFlows.App.Teams;

/// <summary>
/// The sweeps' messages in Teams: handoff digests are posted in the incidents channel (everyone sees
/// who holds which open incident now); overdue action items go 1:1 to the assignee, or to the channel
/// when nobody can be messaged. Each is sent once: a sweep that runs again finds the mark.
/// </summary>
public sealed class TeamsSweepNotices(TeamsMessenger messenger, ConversationBook book, TeamsPeople people, ITeamContextSource team) : ISweepNotices
{
    public async Task SendHandoffDigestAsync(HandoffDigestEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = $"handoff:{entry.ScheduleId}:{entry.At.ToUnixTimeSeconds()}";
        if (await book.WasSentAsync(key, ct))
        {
            return;
        }

        var when = entry.At.InZone(team.Current.Zone).ToString("ddd d MMM HH:mm (z)", CultureInfo.InvariantCulture);
        var open = entry.Inherited.Count == 0
            ? "No open incidents to hand over."
            : "Open incidents handed over:\n\n" + string.Join("\n", entry.Inherited.Select(i => $"- **{i.IncidentId}** {i.Severity}: {i.Title}"));
        var text = $"**On-call handoff, {entry.ScheduleId}**, {when}: {Names(entry.GoingOff)} → {Names(entry.ComingOn)}.\n\n{open}";
        await messenger.PostToChannelAsync(await messenger.IncidentsChannelAsync(ct), Activity.Message(text), ct);
        await book.MarkSentAsync(key, ct);
    }

    public async Task RemindOverdueAsync(OverdueActionItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = $"overdue:{item.Incident}:{item.Item.Number}:{item.DaysOverdue}";
        if (await book.WasSentAsync(key, ct))
        {
            return;
        }

        var details = item.Item.Details;
        var text = $"Action item {item.Item.Number} of **{item.Incident}** is {item.DaysOverdue} day(s) overdue: {details.Title} (due {item.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).";
        var sent = details.Assignee is { } assignee && people.EntraIdOf(assignee.Id) is { } aad
            && await messenger.SendToUserAsync(aad, Activity.Message(text), ct);
        if (!sent)
        {
            await messenger.PostToChannelAsync(await messenger.IncidentsChannelAsync(ct), Activity.Message($"{text} Assignee: {details.Assignee?.Name ?? "nobody"}."), ct);
        }

        await book.MarkSentAsync(key, ct);
    }

    private string Names(IReadOnlyList<string> ids) => ids.Count == 0 ? "nobody" : string.Join(", ", ids.Select(people.NameOf));
}
