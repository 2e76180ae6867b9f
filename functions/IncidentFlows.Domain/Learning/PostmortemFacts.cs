using IncidentFlows.Domain.Incidents;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Learning;

/// <summary>What a postmortem states that is not in the incident's state alone: read from the events in one pass.</summary>
internal sealed record PostmortemFacts(Incident Incident, Severity DeclaredSeverity, string? Resolution, IReadOnlyList<Person> Participants)
{
    public static PostmortemFacts From(IReadOnlyList<IncidentEvent> history)
    {
        if (history.Count == 0 || history[0] is not E.Declared declared)
        {
            throw new ArgumentException("An incident history starts with Declared.", nameof(history));
        }

        string? resolution = null;
        var participants = new List<Person>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in history)
        {
            if (e is E.StatusChanged { To: IncidentStatus.Resolved } resolved)
            {
                resolution = resolved.Note;
            }

            if (Participant(e) is { } person && seen.Add(person.Id))
            {
                participants.Add(person);
            }
        }

        return new PostmortemFacts(IncidentEvolution.Fold(history), declared.Severity, resolution, participants);
    }

    /// <summary>The incident lead now, or the last one when the role was given up; null when there never was one.</summary>
    public Person? Lead =>
        Incident.Holder(IncidentRole.Lead) ?? Incident.Roles.LastOrDefault(h => h.Role == IncidentRole.Lead)?.Person;

    /// <summary>People who took part in the response; action items are follow-up, not response.</summary>
    private static Person? Participant(IncidentEvent e) => e switch
    {
        E.Declared x => x.Reporter,
        E.Acknowledged x => x.By,
        E.Joined x => x.By,
        E.RoleAssigned x => x.Assignee,
        E.SeverityChanged x => x.By,
        E.StatusChanged x => x.By,
        E.UpdatePosted x => x.By,
        E.NoteAdded x => x.By,
        E.MessagePinned x => x.By,
        E.MessageUnpinned x => x.By,
        E.LinkShared x => x.By,
        E.TitleChanged x => x.By,
        E.TutorialContinued x => x.By,
        E.WroteInWarRoom x => x.Author,
        E.Reopened x => x.By,
        _ => null,
    };
}
