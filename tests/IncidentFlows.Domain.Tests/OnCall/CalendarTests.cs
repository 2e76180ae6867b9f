using System.Text;
using IncidentFlows.Domain.OnCall;
using IncidentFlows.Domain.OnCall.Calendar;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

public class CalendarTests
{
    private static readonly NodaTime.Instant Generated = Utc("2027-01-01T00:00:00Z");

    [Fact]
    public void A_schedule_calendar_has_one_utc_event_per_shift_with_crlf_lines()
    {
        var ics = OnCallCalendar.ForSchedule(SampleTeam.Configuration, "incident-commanders", Utc("2027-01-04T12:00:00Z"), 2, Generated);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(
            ["DTSTART:20270104T120000Z", "DTSTART:20270111T120000Z"],
            Unfold(ics).Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal)));
        Assert.Contains("DTEND:20270111T120000Z", Unfold(ics));
    }

    [Fact]
    public void Uids_are_stable_when_the_export_window_slides()
    {
        var monday = OnCallCalendar.ForSchedule(SampleTeam.Configuration, "incident-commanders", Utc("2027-01-04T12:00:00Z"), 2, Generated);
        var thursday = OnCallCalendar.ForSchedule(SampleTeam.Configuration, "incident-commanders", Utc("2027-01-07T09:00:00Z"), 2, Generated);

        var mondayUids = Unfold(monday).Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();
        var thursdayUids = Unfold(thursday).Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();

        Assert.Equal(mondayUids, thursdayUids.Take(2));
        Assert.Equal(mondayUids.Count, mondayUids.Distinct().Count());
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var people = new[] { new TeamMember("zoë", new string('é', 60) + " Østergård", new TeamsIdentity(Guid.NewGuid(), null), Zone("UTC")) };
        var schedule = new Schedule("nights", "Nights, weekends; and holidays", Zone("UTC"), [Layer("Only", "UTC", "2027-01-01T00:00", Weeks(1), ["zoë"])]);
        var policy = new EscalationPolicy("p", "P", [new EscalationLevel([new EscalationTarget.Schedule("nights")], NodaTime.Duration.FromMinutes(5))]);
        var configuration = new TeamConfiguration(new Team("t", "T", "p"), people, [schedule], [policy], []);

        var ics = OnCallCalendar.ForPerson(configuration, "zoë", Utc("2027-01-02T00:00:00Z"), 1, Generated);

        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.Contains($"SUMMARY:On call: {people[0].Name} (Nights\\, weekends\\; and holidays)", Unfold(ics));
    }

    [Fact]
    public void A_person_calendar_holds_only_that_persons_shifts_across_schedules()
    {
        var ics = OnCallCalendar.ForPerson(SampleTeam.Configuration, "oliver", Utc("2027-07-12T00:00:00Z"), 1, Generated);

        var summaries = Unfold(ics).Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.StartsWith("SUMMARY:On call: Oliver Hughes (Follow the sun)", s, StringComparison.Ordinal));
    }

    private static List<string> Unfold(string ics) => [.. ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n")];
}
