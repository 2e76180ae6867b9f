using IncidentFlows.Domain.OnCall;
using NodaTime;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

public class OnCallDirectoryTests
{
    private static readonly OnCallDirectory Directory = new(SampleTeam.Configuration);

    [Fact]
    public void A_service_escalates_through_its_own_policy()
    {
        var plan = Directory.PlanFor("checkout");

        Assert.Equal(
            new EscalationPlan("critical", [Duration.FromMinutes(5), Duration.FromMinutes(10), Duration.FromMinutes(15)], RepeatCount: 2, RepeatFromLevel: 1),
            plan);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("no-such-service")]
    [InlineData(null)]
    public void A_service_without_a_policy_an_unknown_service_or_none_gets_the_team_default(string? service)
    {
        Assert.Equal("standard", Directory.PlanFor(service)?.PolicyId);
    }

    [Fact]
    public void A_schedule_target_pages_whoever_is_on_call_and_says_through_which_layer()
    {
        // Wednesday 2027-01-13 12:00 UTC is 12:00 in London, inside its 09:00–17:00 window.
        var responders = Directory.RespondersAt("critical", 0, Utc("2027-01-13T12:00:00Z"));

        var responder = Assert.Single(responders);
        Assert.Equal("schedule follow-the-sun, layer London", responder.Via);
        Assert.True(responder.PersonId is "oliver" or "priya", responder.PersonId);
        Assert.Equal(SampleTeam.Configuration.People[responder.PersonId].Name, responder.Name);
    }

    [Fact]
    public void An_escalation_that_crosses_a_handoff_pages_the_new_region()
    {
        var beforeLondonCloses = Assert.Single(Directory.RespondersAt("critical", 0, Utc("2027-07-14T15:55:00Z")));
        var afterSanFranciscoOpens = Assert.Single(Directory.RespondersAt("critical", 0, Utc("2027-07-14T16:05:00Z")));

        Assert.EndsWith("layer London", beforeLondonCloses.Via, StringComparison.Ordinal);
        Assert.EndsWith("layer San Francisco", afterSanFranciscoOpens.Via, StringComparison.Ordinal);
    }

    [Fact]
    public void The_backstop_layer_answers_in_the_hour_no_region_works()
    {
        var responder = Assert.Single(Directory.RespondersAt("critical", 0, Utc("2027-01-13T08:30:00Z")));

        Assert.Equal("schedule follow-the-sun, layer Backstop", responder.Via);
    }

    [Fact]
    public void A_level_with_people_and_schedules_pages_each_person_once()
    {
        var at = Utc("2027-01-13T12:00:00Z");

        var responders = Directory.RespondersAt("critical", 2, at);

        Assert.Equal("jordan", responders[0].PersonId);
        Assert.Equal("policy critical, level 3, directly", responders[0].Via);
        Assert.Equal(responders.Select(r => r.PersonId).Distinct(), responders.Select(r => r.PersonId));
    }

    [Fact]
    public void A_covering_override_shows_who_is_covered_for()
    {
        // The sample's Christmas cover: priya takes oliver's London shifts from 24 to 29 December 2026.
        var oliversWeek = SampleTeam.Configuration.Schedules["follow-the-sun"].Layers[2].ShiftAt(Utc("2026-12-24T10:00:00Z"))!.Value;
        Assert.Equal("oliver", oliversWeek.PersonId);

        var responder = Assert.Single(Directory.RespondersAt("critical", 0, Utc("2026-12-24T10:00:00Z")));

        Assert.Equal(("priya", "schedule follow-the-sun, layer London, covering for oliver"), (responder.PersonId, responder.Via));
    }

    [Fact]
    public void A_schedule_with_nobody_on_call_gives_no_responders_which_is_a_gap()
    {
        var schedule = new Schedule("primary", "Primary", Zone("UTC"), [Layer("Primary", "UTC", "2027-01-04T09:00", Weeks(1), ["ann"])])
            .With(new Override.Remove("ann", Between("2027-01-05T00:00:00Z", "2027-01-06T00:00:00Z")));
        var policy = new EscalationPolicy("p", "P", [new EscalationLevel([new EscalationTarget.Schedule("primary")], Duration.FromMinutes(5))]);
        var ann = new TeamMember("ann", "Ann", new TeamsIdentity(Guid.NewGuid(), null), Zone("UTC"));
        var directory = new OnCallDirectory(new TeamConfiguration(new Team("t", "T", "p"), [ann], [schedule], [policy], []));

        Assert.Empty(directory.RespondersAt("p", 0, Utc("2027-01-05T12:00:00Z")));
        Assert.Equal("ann", Assert.Single(directory.RespondersAt("p", 0, Utc("2027-01-06T12:00:00Z"))).PersonId);
    }

    [Theory]
    [InlineData("critical", 3)]
    [InlineData("critical", -1)]
    [InlineData("no-such-policy", 0)]
    public void An_unknown_policy_or_level_pages_nobody(string policy, int level)
    {
        Assert.Empty(Directory.RespondersAt(policy, level, Utc("2027-01-13T12:00:00Z")));
    }
}
