using IncidentFlows.Domain.OnCall;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

public class HandoffDigestTests
{
    private static readonly OpenIncidentSummary CheckoutDown = new("inc-1", "Checkout failing", "sev1", "checkout", Utc("2027-07-14T07:00:00Z"));
    private static readonly OpenIncidentSummary SearchSlow = new("inc-2", "Search slow", "sev3", "search", Utc("2027-07-14T12:00:00Z"));
    private static readonly OpenIncidentSummary OtherTeams = new("inc-3", "Unrouted", "sev2", null, Utc("2027-07-14T13:00:00Z"));

    [Fact]
    public void Each_handoff_says_who_goes_off_who_comes_on_and_which_open_incidents_they_inherit()
    {
        var digest = HandoffDigest.For(SampleTeam.Configuration, "follow-the-sun", Between("2027-07-14T07:30:00Z", "2027-07-14T16:30:00Z"), [CheckoutDown, SearchSlow, OtherTeams]);

        Assert.Equal(2, digest.Count);
        Assert.Equal(Utc("2027-07-14T08:00:00Z"), digest[0].At); // Tokyo closes, London opens
        Assert.Single(digest[0].GoingOff);
        Assert.Single(digest[0].ComingOn);
        Assert.Equal(["inc-1"], digest[0].Inherited.Select(i => i.IncidentId));
        Assert.Equal(Utc("2027-07-14T16:00:00Z"), digest[1].At); // London closes, San Francisco opens
        Assert.Equal(["inc-1", "inc-2", "inc-3"], digest[1].Inherited.Select(i => i.IncidentId));
    }

    [Fact]
    public void An_incident_declared_after_the_handoff_is_not_inherited()
    {
        var lateIncident = CheckoutDown with { DeclaredAt = Utc("2027-07-19T11:30:00Z") };

        var digest = HandoffDigest.For(SampleTeam.Configuration, "incident-commanders", Between("2027-07-13T00:00:00Z", "2027-07-20T00:00:00Z"), [CheckoutDown, lateIncident]);

        var handoff = Assert.Single(digest);
        Assert.Equal(Utc("2027-07-19T11:00:00Z"), handoff.At); // Monday 12:00 in London
        Assert.Equal([CheckoutDown], handoff.Inherited);
    }

    [Fact]
    public void Consecutive_sweep_windows_see_a_handoff_on_their_shared_edge_exactly_once()
    {
        var before = HandoffDigest.For(SampleTeam.Configuration, "follow-the-sun", Between("2027-07-14T07:45:00Z", "2027-07-14T08:00:00Z"), [CheckoutDown]);
        var after = HandoffDigest.For(SampleTeam.Configuration, "follow-the-sun", Between("2027-07-14T08:00:00Z", "2027-07-14T08:15:00Z"), [CheckoutDown]);

        Assert.Empty(before);
        Assert.Equal(Utc("2027-07-14T08:00:00Z"), Assert.Single(after).At); // Tokyo closes, London opens
    }

    [Fact]
    public void An_incident_whose_policy_does_not_use_the_schedule_is_not_inherited()
    {
        var schedules = new[]
        {
            new Schedule("primary", "Primary", Zone("UTC"), [Layer("Primary", "UTC", "2027-01-04T09:00", Weeks(1), ["ann", "bob"])]),
            new Schedule("database", "Database", Zone("UTC"), [Layer("Database", "UTC", "2027-01-04T09:00", Weeks(1), ["cat"])]),
        };
        var pagesPrimary = new EscalationPolicy("primary", "Primary", [new EscalationLevel([new EscalationTarget.Schedule("primary")], NodaTime.Duration.FromMinutes(5))]);
        var pagesDatabase = new EscalationPolicy("database", "Database", [new EscalationLevel([new EscalationTarget.Schedule("database")], NodaTime.Duration.FromMinutes(5))]);
        var people = ((string[])["ann", "bob", "cat"]).Select(id => new TeamMember(id, id, new TeamsIdentity(Guid.NewGuid(), null), Zone("UTC"))).ToList();
        var configuration = new TeamConfiguration(
            new Team("t", "T", "primary"),
            people,
            schedules,
            [pagesPrimary, pagesDatabase],
            [new Service("postgres", "Postgres", "t", "database", null)]);
        var databaseIncident = new OpenIncidentSummary("inc-4", "Replica lag", "sev2", "postgres", Utc("2027-01-05T00:00:00Z"));
        var defaultIncident = new OpenIncidentSummary("inc-5", "Login errors", "sev2", null, Utc("2027-01-05T00:00:00Z"));

        var digest = HandoffDigest.For(configuration, "primary", Between("2027-01-10T00:00:00Z", "2027-01-12T00:00:00Z"), [databaseIncident, defaultIncident]);

        var handoff = Assert.Single(digest);
        Assert.Equal(["ann"], handoff.GoingOff);
        Assert.Equal(["bob"], handoff.ComingOn);
        Assert.Equal([defaultIncident], handoff.Inherited);
    }
}
