using IncidentFlows.Domain.OnCall;
using IncidentFlows.Domain.OnCall.Calendar;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

/// <summary>
/// Our iCalendar writer read back by a maintained parser (Ical.Net), so folding, escaping and UTC
/// stamps are checked against someone else's reading of RFC 5545, not only our own (docs/adr/0017).
/// </summary>
public class CalendarConformanceTests
{
    private static readonly NodaTime.Instant Generated = Utc("2027-01-01T00:00:00Z");

    [Fact]
    public void Ical_net_reads_one_event_per_shift_with_the_utc_times_we_wrote()
    {
        var ics = OnCallCalendar.ForSchedule(SampleTeam.Configuration, "incident-commanders", Utc("2027-01-04T12:00:00Z"), 2, Generated);

        var events = Ical.Net.Calendar.Load(ics)!.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();

        Assert.Equal(
            [new DateTime(2027, 1, 4, 12, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 11, 12, 0, 0, DateTimeKind.Utc)],
            events.Select(e => e.DtStart!.AsUtc));
        Assert.Equal(new DateTime(2027, 1, 11, 12, 0, 0, DateTimeKind.Utc), events[0].DtEnd!.AsUtc);
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Uid)));
    }

    [Fact]
    public void Ical_net_unfolds_and_unescapes_a_long_summary_with_multibyte_characters()
    {
        var name = new string('é', 60) + " Østergård";
        var people = new[] { new TeamMember("zoë", name, new TeamsIdentity(Guid.NewGuid(), null), Zone("UTC")) };
        var schedule = new Schedule("nights", "Nights, weekends; and holidays", Zone("UTC"), [Layer("Only", "UTC", "2027-01-01T00:00", Weeks(1), ["zoë"])]);
        var policy = new EscalationPolicy("p", "P", [new EscalationLevel([new EscalationTarget.Schedule("nights")], NodaTime.Duration.FromMinutes(5))]);
        var configuration = new TeamConfiguration(new Team("t", "T", "p"), people, [schedule], [policy], []);

        var ics = OnCallCalendar.ForPerson(configuration, "zoë", Utc("2027-01-02T00:00:00Z"), 1, Generated);

        var summary = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events.Select(e => e.Summary).Distinct());
        Assert.Equal($"On call: {name} (Nights, weekends; and holidays)", summary);
    }
}
