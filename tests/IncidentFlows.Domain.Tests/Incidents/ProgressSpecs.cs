using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class ProgressSpecs
{
    private static E.StatusChanged Moved(IncidentStatus from, IncidentStatus to, int minute) => new(from, to, Bob, null) { At = Minutes(minute) };

    private static IncidentEvent[] Resolved() =>
        [.. PagedSev1(), Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5), Moved(IncidentStatus.Investigating, IncidentStatus.Resolved, 50)];

    private static IncidentEvent[] Closed() => [.. Resolved(), Moved(IncidentStatus.Resolved, IncidentStatus.Closed, 60)];

    [Theory]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Declined)]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Identified)]
    [InlineData(IncidentStatus.Identified, IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Closed)]
    public void Allowed_status_changes_are_recorded(IncidentStatus from, IncidentStatus to)
    {
        Assert.True(StatusTransitions.IsAllowed(from, to));
    }

    [Fact]
    public void Changing_the_status_records_from_and_to()
    {
        Scenario.Given(PagedSev1()).At(Minutes(5)).When(new C.ChangeStatus(IncidentStatus.Investigating, Bob))
            .Then(Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5));
    }

    [Fact]
    public void Setting_the_current_status_again_is_harmless()
    {
        Scenario.Given([.. PagedSev1(), Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5)])
            .When(new C.ChangeStatus(IncidentStatus.Investigating, Bob)).ThenNothing();
    }

    [Fact]
    public void Closing_before_resolving_is_refused_with_what_to_do()
    {
        Scenario.Given([.. PagedSev1(), Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5)]).When(new C.Close(Bob))
            .ThenRejected("status.transition", "INC-42 is investigating; resolve it before closing it.");
    }

    [Fact]
    public void Declining_is_only_possible_in_triage()
    {
        Scenario.Given([.. PagedSev1(), Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5)])
            .When(new C.ChangeStatus(IncidentStatus.Declined, Bob))
            .ThenRejected("status.transition", "INC-42 can only be declined while in triage.");
    }

    [Fact]
    public void Going_back_to_triage_is_refused()
    {
        Scenario.Given([.. PagedSev1(), Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5)])
            .When(new C.ChangeStatus(IncidentStatus.Triage, Bob))
            .ThenRejected("status.transition", "INC-42 has left triage and cannot go back to it.");
    }

    [Fact]
    public void Key_times_follow_the_status()
    {
        var incident = IncidentEvolution.Fold([
            .. PagedSev1(),
            Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5),
            Moved(IncidentStatus.Investigating, IncidentStatus.Identified, 31),
            Moved(IncidentStatus.Identified, IncidentStatus.Monitoring, 40),
            Moved(IncidentStatus.Monitoring, IncidentStatus.Identified, 45),
            Moved(IncidentStatus.Identified, IncidentStatus.Resolved, 50),
            Moved(IncidentStatus.Resolved, IncidentStatus.Closed, 60)]);

        Assert.Equal(new KeyTimes(T0, Identified: Minutes(31), Mitigated: Minutes(40), Resolved: Minutes(50), Closed: Minutes(60)), incident.Times);
    }

    [Fact]
    public void Resolving_records_the_summary_as_the_note()
    {
        Scenario.Given([.. PagedSev1(), Moved(IncidentStatus.Triage, IncidentStatus.Investigating, 5)]).At(Minutes(50))
            .When(new C.Resolve(Bob, "rolled back 4.2"))
            .Then(new E.StatusChanged(IncidentStatus.Investigating, IncidentStatus.Resolved, Bob, "rolled back 4.2") { At = Minutes(50) });
    }

    [Fact]
    public void A_retried_close_of_a_closed_incident_decides_nothing_instead_of_refusing()
    {
        Scenario.Given(Closed()).When(new C.Close(Bob)).ThenNothing();
    }

    [Fact]
    public void A_closed_incident_refuses_everything_but_a_reopen()
    {
        Scenario.Given(Closed()).When(new C.PostUpdate("still fine", Bob))
            .ThenRejected("incident.closed", "INC-42 is closed; reopen it first.");
    }

    [Fact]
    public void Reopening_goes_back_to_investigating_and_clears_resolved_and_closed()
    {
        var outcome = Scenario.Given(Closed()).At(Minutes(90)).When(new C.Reopen(Carol, "errors are back"));

        outcome.Then(new E.Reopened(Carol, "errors are back", Minutes(120)) { At = Minutes(90) });
        Assert.Equal(IncidentStatus.Investigating, outcome.After.Status);
        Assert.Null(outcome.After.Times.Resolved);
        Assert.Null(outcome.After.Times.Closed);
    }

    [Fact]
    public void Reopening_an_open_incident_is_harmless()
    {
        Scenario.Given(PagedSev1()).When(new C.Reopen(Carol, "again")).ThenNothing();
    }

    [Fact]
    public void Reopening_needs_a_reason()
    {
        Scenario.Given(Closed()).When(new C.Reopen(Carol, " ")).ThenInvalid("reason");
    }

    [Fact]
    public void Changing_severity_records_the_new_policy_and_tightens_the_update_cadence()
    {
        // SEV1 at T0: next update due T0+30m. SEV0 at T0+5m: due at T0+5m+15m = T0+20m.
        Scenario.Given(PagedSev1()).At(Minutes(5)).When(new C.ChangeSeverity(Severity.Sev0, Bob))
            .Then(new E.SeverityChanged(Severity.Sev1, Severity.Sev0, Bob, null, PolicyOf(Severity.Sev0), Minutes(20)) { At = Minutes(5) });
    }

    [Fact]
    public void Changing_to_the_same_severity_is_harmless()
    {
        Scenario.Given(PagedSev1()).When(new C.ChangeSeverity(Severity.Sev1, Bob)).ThenNothing();
    }

    [Fact]
    public void Severity_can_change_while_resolved_but_not_once_closed()
    {
        Scenario.Given(Resolved()).At(Minutes(55)).When(new C.ChangeSeverity(Severity.Sev2, Bob, "less impact than thought"))
            .Then(new E.SeverityChanged(Severity.Sev1, Severity.Sev2, Bob, "less impact than thought", PolicyOf(Severity.Sev2), Minutes(30)) { At = Minutes(55) });
        Scenario.Given(Closed()).When(new C.ChangeSeverity(Severity.Sev2, Bob))
            .ThenRejected("incident.closed", "INC-42 is closed; reopen it first.");
    }
}
