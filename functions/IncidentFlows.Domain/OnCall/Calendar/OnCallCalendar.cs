using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.Domain.OnCall.Calendar;

/// <summary>
/// iCalendar (RFC 5545) feeds of on-call shifts for the next N weeks, to subscribe to in Outlook. Times are
/// UTC (DTSTART/DTEND with Z) so every client agrees; a shift's UID depends only on the schedule, the person
/// and the shift's start, so re-exporting updates events rather than duplicating them. Shifts that began
/// before the window are exported whole (their start, hence their UID, does not move as the window slides).
/// </summary>
public static class OnCallCalendar
{
    private static readonly InstantPattern UtcStamp = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");
    private static readonly Duration LookBehind = Duration.FromDays(35);

    /// <summary>Every shift of one schedule that overlaps [from, from + weeks).</summary>
    public static string ForSchedule(TeamConfiguration configuration, string scheduleId, Instant from, int weeks, Instant generatedAt)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var schedule = configuration.Schedules[scheduleId];
        var shifts = ShiftsOf(schedule, from, weeks).Select(s => (schedule, s.PersonId, s.Span));
        return Write(configuration, $"On call: {schedule.Name}", shifts, generatedAt);
    }

    /// <summary>Every shift one person holds, across the team's schedules, that overlaps [from, from + weeks).</summary>
    public static string ForPerson(TeamConfiguration configuration, string personId, Instant from, int weeks, Instant generatedAt)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var person = configuration.People[personId];
        var shifts = configuration.Schedules.Values
            .SelectMany(schedule => ShiftsOf(schedule, from, weeks).Where(s => s.PersonId == personId).Select(s => (schedule, s.PersonId, s.Span)))
            .OrderBy(s => s.Span.Start);
        return Write(configuration, $"On call: {person.Name}", shifts, generatedAt);
    }

    private static IEnumerable<(string PersonId, Interval Span)> ShiftsOf(Schedule schedule, Instant from, int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var to = from.Plus(Duration.FromDays(7 * weeks));
        var coverage = schedule.CoverageOver(new Interval(from.Minus(LookBehind), to));
        return coverage.ShiftsByPerson().Where(s => s.Span.End > from && s.Span.Start < to);
    }

    private static string Write(
        TeamConfiguration configuration,
        string calendarName,
        IEnumerable<(Schedule Schedule, string PersonId, Interval Span)> shifts,
        Instant generatedAt)
    {
        var text = new CalendarText()
            .Line("BEGIN", "VCALENDAR")
            .Line("VERSION", "2.0")
            .Line("PRODID", "-//IncidentFlows//On-call//EN")
            .Line("CALSCALE", "GREGORIAN")
            .Line("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", calendarName);
        foreach (var (schedule, personId, span) in shifts)
        {
            var name = configuration.People.TryGetValue(personId, out var person) ? person.Name : personId;
            text.Line("BEGIN", "VEVENT")
                .Line("UID", $"{UtcStamp.Format(span.Start)}-{schedule.Id}-{personId}@incidentflows")
                .Line("DTSTAMP", UtcStamp.Format(generatedAt))
                .Line("DTSTART", UtcStamp.Format(span.Start))
                .Line("DTEND", UtcStamp.Format(span.End))
                .Text("SUMMARY", $"On call: {name} ({schedule.Name})")
                .Text("DESCRIPTION", $"{name} is on call for schedule {schedule.Name} ({schedule.Id}).")
                .Line("TRANSP", "TRANSPARENT")
                .Line("END", "VEVENT");
        }

        return text.Line("END", "VCALENDAR").ToString();
    }
}
