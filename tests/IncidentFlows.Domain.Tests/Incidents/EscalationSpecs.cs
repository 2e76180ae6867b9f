using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class EscalationSpecs
{
    private static readonly Duration Ten = Duration.FromMinutes(10);

    [Fact]
    public void Without_acknowledgement_the_next_level_is_paged_at_the_deadline()
    {
        Scenario.Given(PagedSev1()).At(Minutes(10)).When(new C.Escalate())
            .Then(Paged(1, 0, Minutes(10), CarolOnCall, Ten));
    }

    [Fact]
    public void Escalating_before_the_deadline_does_nothing()
    {
        Scenario.Given(PagedSev1()).At(Minutes(9)).When(new C.Escalate()).ThenNothing();
    }

    [Fact]
    public void A_repeated_timer_after_escalating_does_nothing()
    {
        Scenario.Given([.. PagedSev1(), Paged(1, 0, Minutes(10), CarolOnCall, Ten)]).At(Minutes(10)).When(new C.Escalate())
            .ThenNothing();
    }

    [Fact]
    public void An_acknowledged_incident_does_not_escalate()
    {
        Scenario.Given([.. PagedSev1(), new E.Acknowledged(Bob) { At = Minutes(3) }]).At(Minutes(10)).When(new C.Escalate())
            .ThenNothing();
    }

    [Fact]
    public void After_the_last_level_the_plan_repeats_from_its_repeat_level()
    {
        Scenario.Given([.. PagedSev1(), Paged(1, 0, Minutes(10), CarolOnCall, Ten)]).At(Minutes(20)).When(new C.Escalate())
            .Then(Paged(0, 1, Minutes(20), BobOnCall, Ten));
    }

    [Fact]
    public void After_the_last_repeat_escalation_is_exhausted_and_says_so()
    {
        IncidentEvent[] history = [.. PagedSev1(), Paged(1, 0, Minutes(10), CarolOnCall, Ten), Paged(0, 1, Minutes(20), BobOnCall, Ten), Paged(1, 1, Minutes(30), CarolOnCall, Ten)];

        var outcome = Scenario.Given(history).At(Minutes(40)).When(new C.Escalate());

        outcome.Then(new E.EscalationExhausted(2) { At = Minutes(40) });
        Assert.True(outcome.After.Escalation!.Exhausted);
    }

    [Fact]
    public void A_level_with_nobody_on_call_is_recorded_as_a_gap_and_skipped()
    {
        Scenario.GivenNothing().WithOnCall(FakeOnCall.Levels(null, CarolOnCall)).When(Declare())
            .Then(Declared(), Started(), new E.CoverageGapFound(0, 0) { At = T0 }, Paged(1, 0, T0, CarolOnCall, Ten));
    }

    [Fact]
    public void When_nobody_is_on_call_anywhere_every_gap_is_recorded_and_escalation_ends_loudly()
    {
        Scenario.GivenNothing().WithOnCall(FakeOnCall.Levels(null, null)).When(Declare())
            .Then(
                Declared(),
                Started(),
                new E.CoverageGapFound(0, 0) { At = T0 },
                new E.CoverageGapFound(1, 0) { At = T0 },
                new E.CoverageGapFound(0, 1) { At = T0 },
                new E.CoverageGapFound(1, 1) { At = T0 },
                new E.EscalationExhausted(2) { At = T0 });
    }

    [Fact]
    public void A_level_pages_whoever_is_on_call_when_it_fires_so_a_handoff_pages_the_new_region()
    {
        var tokyo = new Responder("aiko", "Aiko", "schedule follow-the-sun, layer Tokyo");
        var london = new Responder("liam", "Liam", "schedule follow-the-sun, layer London");
        var handoff = Minutes(5);
        var onCall = new FakeOnCall(Plan, (_, at) => at < handoff ? [tokyo] : [london]);

        var declared = Scenario.GivenNothing().WithOnCall(onCall).When(Declare());
        var escalated = Scenario.Given([.. declared.Decision.Events]).WithOnCall(onCall).At(Minutes(10)).When(new C.Escalate());

        Assert.Equal(tokyo, declared.Decision.Events.OfType<E.Paged>().Single().Responders.Single());
        escalated.Then(new E.Paged(1, 0, ValueList.From([london]), Minutes(20)) { At = Minutes(10) });
    }

    [Fact]
    public void Raising_an_unpaged_incident_to_a_paging_severity_starts_paging()
    {
        Scenario.Given(Declared(Severity.Sev3)).At(Minutes(2)).When(new C.ChangeSeverity(Severity.Sev1, Alice, "customers affected"))
            .Then(
                new E.SeverityChanged(Severity.Sev3, Severity.Sev1, Alice, "customers affected", PolicyOf(Severity.Sev1), Minutes(32)) { At = Minutes(2) },
                new E.EscalationStarted(Plan) { At = Minutes(2) },
                Paged(0, 0, Minutes(2), BobOnCall, Ten));
    }
}
