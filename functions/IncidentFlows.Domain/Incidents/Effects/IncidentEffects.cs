using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.Domain.Incidents.Effects;

/// <summary>Team settings that decide which effects an incident has.</summary>
public sealed record EffectSettings(bool AnnounceDrills)
{
    public static readonly EffectSettings Default = new(AnnounceDrills: false);
}

/// <summary>
/// Which effects one commit's events call for, pages first: they are what wakes a person, and nothing
/// else (a war room, an announcement) may delay them. Pure; both drivers take the list as it comes.
/// Each effect carries the number of the event that called for it (<see cref="IncidentEffect.Event"/>).
/// </summary>
public static class IncidentEffects
{
    public static IReadOnlyList<IncidentEffect> For(IReadOnlyList<IncidentEvent> events, Incident after, EffectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(settings);
        var id = after.Id;
        var effects = new List<IncidentEffect>();
        var announces = Announces(after, settings);
        var announcementChanged = false;
        var first = after.Version - events.Count + 1; // the number of events[0] in the incident's history

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var number = first + i;
            var from = effects.Count;
            switch (e)
            {
                case E.Declared when after.Policy.OpensWarRoom && after.Kind != IncidentKind.Tutorial:
                case E.SeverityChanged when after.Policy.OpensWarRoom && after.WarRoom is null && !effects.OfType<X.OpenWarRoom>().Any():
                    effects.Add(new X.OpenWarRoom(after.Title, after.Times.Reported) { Incident = id });
                    break;
                case E.WarRoomRecorded:
                    effects.Add(new X.WelcomeWarRoom { Incident = id });
                    break;
                case E.Paged paged:
                    effects.AddRange(paged.Responders.Select(r => new X.Page(r, paged.Level, paged.Round, paged.AckDeadline) { Incident = id, PagedAt = paged.At }));
                    break;
                case E.UpdateReminderSent reminder:
                    effects.Add(new X.RemindToUpdate(reminder.To, reminder.MissedDue) { Incident = id });
                    break;
                case E.TitleChanged changed when after.WarRoom is not null:
                    effects.Add(new X.RenameWarRoom(changed.To) { Incident = id });
                    break;
                case E.StatusChanged { To: IncidentStatus.Resolved or IncidentStatus.Closed } changed when after.Kind != IncidentKind.Tutorial:
                    effects.Add(new X.SharePostmortem(changed.To) { Incident = id });
                    if (after.WarRoom is not null && changed.To == IncidentStatus.Resolved)
                    {
                        effects.Add(new X.ReadWarRoomMembers { Incident = id }); // before a close can archive it
                    }

                    break;
                default:
                    break;
            }

            if (IsWarRoomNews(e) && after.WarRoom is not null)
            {
                effects.Add(new X.PostToWarRoom(e) { Incident = id });
            }

            announcementChanged |= ChangesAnnouncement(e);
            for (var k = from; k < effects.Count; k++)
            {
                effects[k] = effects[k] with { EventNumber = number };
            }
        }

        if (after.WarRoom is not null && events.Any(ChangesWarRoomTopic))
        {
            effects.Add(new X.DescribeWarRoom { Incident = id, EventNumber = after.Version });
        }

        if (announces && announcementChanged)
        {
            effects.Add(new X.PublishAnnouncement { Incident = id, EventNumber = after.Version });
        }

        if (after.Kind == IncidentKind.Tutorial && events.Any(MovesTutorial))
        {
            effects.Add(new X.GuideTutorial(Learning.Tutorial.StepOf(after)) { Incident = id, EventNumber = after.Version });
        }

        return [.. effects.OrderBy(effect => effect is X.Page ? 0 : 1)]; // stable: otherwise in the order the events call for them
    }

    /// <summary>Tutorials are never announced; drills only when the team wants; otherwise the severity decides.</summary>
    private static bool Announces(Incident incident, EffectSettings settings) => incident.Policy.Announces && incident.Kind switch
    {
        IncidentKind.Tutorial => false,
        IncidentKind.Drill => settings.AnnounceDrills,
        _ => true,
    };

    private static bool ChangesAnnouncement(IncidentEvent e) => e is E.Declared or E.SeverityChanged or E.StatusChanged
        or E.Acknowledged or E.RoleAssigned or E.RoleRenounced or E.WarRoomRecorded or E.UpdatePosted
        or E.EscalationExhausted or E.Reopened or E.TitleChanged or E.WarRoomRenamed;

    /// <summary>What the war room's description shows (set first by the welcome, with the room).</summary>
    private static bool ChangesWarRoomTopic(IncidentEvent e) => e is E.SeverityChanged or E.StatusChanged or E.Reopened
        or E.RoleAssigned { Role: IncidentRole.Lead } or E.RoleRenounced { Role: IncidentRole.Lead };

    private static bool MovesTutorial(IncidentEvent e) => e is E.Declared or E.TutorialContinued or E.RoleAssigned or E.UpdatePosted
        or E.ActionItemAdded or E.MessagePinned or E.StatusChanged;

    private static bool IsWarRoomNews(IncidentEvent e) => e is E.Paged or E.CoverageGapFound or E.EscalationExhausted
        or E.PageUndeliverable or E.LevelUnreachable
        or E.NoEscalationPolicy or E.Acknowledged or E.Joined or E.RoleAssigned or E.RoleRenounced or E.SeverityChanged
        or E.StatusChanged or E.UpdatePosted or E.UpdateReminderSent or E.Reopened or E.TitleChanged;
}
