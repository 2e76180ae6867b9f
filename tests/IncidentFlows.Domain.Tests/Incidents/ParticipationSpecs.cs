using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class ParticipationSpecs
{
    [Fact]
    public void Acknowledging_records_who_and_when()
    {
        var outcome = Scenario.Given(PagedSev1()).At(Minutes(3)).When(new C.Acknowledge(Bob));

        outcome.Then(new E.Acknowledged(Bob) { At = Minutes(3) });
        Assert.Equal(Minutes(3), outcome.After.Times.Acknowledged);
    }

    [Fact]
    public void Acknowledging_twice_is_harmless()
    {
        Scenario.Given([.. PagedSev1(), new E.Acknowledged(Bob) { At = Minutes(3) }]).At(Minutes(4)).When(new C.Acknowledge(Carol))
            .ThenNothing();
    }

    [Fact]
    public void A_resolved_incident_has_nothing_to_acknowledge()
    {
        Scenario.Given([.. PagedSev1(), new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Alice, null) { At = Minutes(1) }])
            .When(new C.Acknowledge(Bob))
            .ThenRejected("incident.not_open", "INC-42 is resolved; there is nothing to acknowledge.");
    }

    [Fact]
    public void Joining_an_unacknowledged_incident_acknowledges_it_and_starts_time_to_muster()
    {
        var outcome = Scenario.Given(PagedSev1()).At(Minutes(4)).When(new C.Join(Bob));

        outcome.Then(new E.Acknowledged(Bob) { At = Minutes(4) }, new E.Joined(Bob) { At = Minutes(4) });
        Assert.Equal(Minutes(4), outcome.After.Times.FirstJoined);
    }

    [Fact]
    public void Joining_an_acknowledged_incident_only_records_the_join()
    {
        Scenario.Given([.. PagedSev1(), new E.Acknowledged(Bob) { At = Minutes(3) }]).At(Minutes(5)).When(new C.Join(Carol))
            .Then(new E.Joined(Carol) { At = Minutes(5) });
    }

    [Fact]
    public void Joining_twice_is_harmless_and_the_first_join_time_stays()
    {
        var outcome = Scenario.Given([.. PagedSev1(), new E.Acknowledged(Bob) { At = Minutes(3) }, new E.Joined(Bob) { At = Minutes(3) }])
            .At(Minutes(9)).When(new C.Join(Bob));

        outcome.ThenNothing();
        Assert.Equal(Minutes(3), outcome.After.Times.FirstJoined);
    }

    [Fact]
    public void Assigning_a_lead_records_the_assignment()
    {
        var outcome = Scenario.Given(PagedSev1()).At(Minutes(2)).When(new C.AssignRole(IncidentRole.Lead, Bob, Alice));

        outcome.Then(new E.RoleAssigned(IncidentRole.Lead, Bob, Alice) { At = Minutes(2) });
        Assert.Equal(Bob, outcome.After.Holder(IncidentRole.Lead));
    }

    [Fact]
    public void Reassigning_the_lead_ends_the_previous_holding_so_the_history_says_who_led_when()
    {
        var incident = Scenario.Given([.. PagedSev1(), new E.RoleAssigned(IncidentRole.Lead, Bob, Alice) { At = Minutes(2) }])
            .At(Minutes(30)).When(new C.AssignRole(IncidentRole.Lead, Carol, Bob)).After;

        Assert.Equal(
            [new RoleHolding(IncidentRole.Lead, Bob, Minutes(2), Minutes(30)), new RoleHolding(IncidentRole.Lead, Carol, Minutes(30))],
            incident.Roles.Where(h => h.Role == IncidentRole.Lead));
    }

    [Fact]
    public void Subject_matter_experts_can_be_many()
    {
        var incident = Scenario.Given([.. PagedSev1(), new E.RoleAssigned(IncidentRole.SubjectMatterExpert, Bob, Alice) { At = Minutes(2) }])
            .At(Minutes(3)).When(new C.AssignRole(IncidentRole.SubjectMatterExpert, Carol, Alice)).After;

        Assert.True(incident.Holds(IncidentRole.SubjectMatterExpert, Bob));
        Assert.True(incident.Holds(IncidentRole.SubjectMatterExpert, Carol));
    }

    [Fact]
    public void Assigning_a_role_to_its_current_holder_is_harmless()
    {
        Scenario.Given([.. PagedSev1(), new E.RoleAssigned(IncidentRole.Lead, Bob, Alice) { At = Minutes(2) }])
            .When(new C.AssignRole(IncidentRole.Lead, Bob, Alice)).ThenNothing();
    }

    [Fact]
    public void The_reporter_role_cannot_be_assigned()
    {
        Scenario.Given(PagedSev1()).When(new C.AssignRole(IncidentRole.Reporter, Bob, Alice)).ThenInvalid("role");
    }

    [Fact]
    public void Renouncing_a_held_role_ends_it()
    {
        var outcome = Scenario.Given([.. PagedSev1(), new E.RoleAssigned(IncidentRole.Scribe, Dan, Alice) { At = Minutes(2) }])
            .At(Minutes(8)).When(new C.RenounceRole(IncidentRole.Scribe, Dan));

        outcome.Then(new E.RoleRenounced(IncidentRole.Scribe, Dan) { At = Minutes(8) });
        Assert.Null(outcome.After.Holder(IncidentRole.Scribe));
    }

    [Fact]
    public void Renouncing_a_role_never_held_is_refused()
    {
        Scenario.Given(PagedSev1()).When(new C.RenounceRole(IncidentRole.Lead, Dan))
            .ThenRejected("role.not_held", "Dan is not the incident lead of INC-42.");
    }

    [Fact]
    public void Renouncing_twice_is_harmless()
    {
        Scenario.Given([
                .. PagedSev1(),
                new E.RoleAssigned(IncidentRole.Scribe, Dan, Alice) { At = Minutes(2) },
                new E.RoleRenounced(IncidentRole.Scribe, Dan) { At = Minutes(8) }])
            .When(new C.RenounceRole(IncidentRole.Scribe, Dan)).ThenNothing();
    }
}
