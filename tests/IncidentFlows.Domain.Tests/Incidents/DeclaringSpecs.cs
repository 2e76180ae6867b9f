using IncidentFlows.Domain.Incidents;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class DeclaringSpecs
{
    [Fact]
    public void Declaring_a_sev1_records_it_and_pages_the_first_level()
    {
        Scenario.GivenNothing().When(Declare(Severity.Sev1))
            .Then(Declared(Severity.Sev1), Started(), Paged(0, 0, T0, BobOnCall, Duration.FromMinutes(10)));
    }

    [Fact]
    public void The_severity_ack_timeout_caps_the_level_timeout()
    {
        // SEV0 allows 5 minutes although level 0 of the plan allows 10.
        Scenario.GivenNothing().When(Declare(Severity.Sev0))
            .Then(Declared(Severity.Sev0), Started(), Paged(0, 0, T0, BobOnCall, Duration.FromMinutes(5)));
    }

    [Fact]
    public void A_sev3_is_recorded_without_paging_anyone()
    {
        Scenario.GivenNothing().When(Declare(Severity.Sev3)).Then(Declared(Severity.Sev3));
    }

    [Fact]
    public void A_tutorial_never_pages()
    {
        Scenario.GivenNothing().When(Declare(Severity.Sev1, IncidentKind.Tutorial)).Then(Declared(Severity.Sev1, IncidentKind.Tutorial));
    }

    [Fact]
    public void A_drill_pages_like_a_real_incident_and_is_marked_as_a_drill()
    {
        var outcome = Scenario.GivenNothing().When(Declare(Severity.Sev1, IncidentKind.Drill));

        outcome.Then(Declared(Severity.Sev1, IncidentKind.Drill), Started(), Paged(0, 0, T0, BobOnCall, Duration.FromMinutes(10)));
        Assert.Equal(IncidentKind.Drill, outcome.After.Kind);
    }

    [Fact]
    public void Without_an_escalation_policy_the_gap_is_recorded_instead_of_paging_silently_nobody()
    {
        Scenario.GivenNothing().WithOnCall(FakeOnCall.NoPolicy).When(Declare())
            .Then(Declared(), new E.NoEscalationPolicy("checkout") { At = T0 });
    }

    [Fact]
    public void Declaring_the_same_incident_again_is_harmless()
    {
        Scenario.Given(PagedSev1()).When(Declare()).ThenNothing();
    }

    [Fact]
    public void The_reporter_holds_the_reporter_role_from_the_start()
    {
        var incident = Scenario.GivenNothing().When(Declare()).After;

        Assert.Equal(Alice, incident.Holder(IncidentRole.Reporter));
        Assert.Equal(IncidentStatus.Triage, incident.Status);
        Assert.Equal(T0, incident.Times.Reported);
    }

    [Fact]
    public void The_detection_time_is_kept_for_time_to_detect()
    {
        var detected = T0 - Duration.FromMinutes(7);
        var incident = Scenario.GivenNothing().When(Declare() with { DetectedAt = detected }).After;

        Assert.Equal(detected, incident.Times.Detected);
    }

    [Theory]
    [InlineData("", "title")]
    [InlineData("   ", "title")]
    public void An_empty_title_is_refused(string title, string field)
    {
        Scenario.GivenNothing().When(Declare() with { Title = title }).ThenInvalid(field);
    }

    [Fact]
    public void A_title_longer_than_200_characters_is_refused_with_its_length()
    {
        var outcome = Scenario.GivenNothing().When(Declare() with { Title = new string('x', 1_000_000) });

        outcome.ThenInvalid("title");
        Assert.Contains("1000000 characters", outcome.Decision.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_severity_is_refused()
    {
        Scenario.GivenNothing().When(Declare() with { Severity = (Severity)9 }).ThenInvalid("severity");
    }

    [Fact]
    public void A_detection_time_in_the_future_is_refused()
    {
        Scenario.GivenNothing().When(Declare() with { DetectedAt = T0 + Duration.FromHours(1) }).ThenInvalid("detectedAt");
    }

    [Fact]
    public void A_command_for_an_incident_that_does_not_exist_is_refused()
    {
        Scenario.GivenNothing().When(new C.Acknowledge(Bob))
            .ThenRejected("incident.not_found", "There is no such incident.");
    }
}
