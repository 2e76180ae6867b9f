using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>Marking the postmortem reviewed ends the time to learn: once resolved, once per resolution.</summary>
public class PostmortemReviewSpecs
{
    private static E.StatusChanged Moved(IncidentStatus from, IncidentStatus to, int minute) => new(from, to, Bob, null) { At = Minutes(minute) };

    private static IncidentEvent[] Resolved() => [.. PagedSev1(), Moved(IncidentStatus.Triage, IncidentStatus.Resolved, 50)];

    private static IncidentEvent[] Closed() => [.. Resolved(), Moved(IncidentStatus.Resolved, IncidentStatus.Closed, 60)];

    [Fact]
    public void A_resolved_incidents_postmortem_is_marked_reviewed_with_who_and_when()
    {
        var outcome = Scenario.Given(Resolved()).At(Minutes(3 * 24 * 60)).When(new C.MarkPostmortemReviewed(Carol));

        outcome.Then(new E.PostmortemReviewed(Carol) { At = Minutes(3 * 24 * 60) });
        Assert.Equal(Minutes(3 * 24 * 60), outcome.After.Times.PostmortemReviewed);
    }

    [Fact]
    public void A_closed_incidents_postmortem_can_still_be_reviewed()
    {
        Scenario.Given(Closed()).At(Minutes(90)).When(new C.MarkPostmortemReviewed(Carol))
            .Then(new E.PostmortemReviewed(Carol) { At = Minutes(90) });
    }

    [Theory]
    [InlineData(IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Declined)]
    public void Before_the_incident_is_resolved_the_review_is_refused(IncidentStatus status)
    {
        Scenario.Given([.. PagedSev1(), Moved(IncidentStatus.Triage, status, 5)]).At(Minutes(6)).When(new C.MarkPostmortemReviewed(Carol))
            .ThenRejected("incident.not_resolved", $"INC-42 is {status.Display()}; its postmortem is reviewed once it is resolved.");
    }

    [Fact]
    public void A_second_review_changes_nothing_and_the_first_time_stays()
    {
        var reviewed = new E.PostmortemReviewed(Carol) { At = Minutes(70) };

        var outcome = Scenario.Given([.. Resolved(), reviewed]).At(Minutes(80)).When(new C.MarkPostmortemReviewed(Dan));

        outcome.ThenNothing();
        Assert.Equal(Minutes(70), outcome.After.Times.PostmortemReviewed);
        Scenario.Given([.. Closed(), reviewed]).When(new C.MarkPostmortemReviewed(Dan)).ThenNothing();
    }

    [Fact]
    public void A_reopened_incident_needs_its_postmortem_reviewed_again_once_resolved_again()
    {
        IncidentEvent[] reopened = [.. Resolved(), new E.PostmortemReviewed(Carol) { At = Minutes(70) }, new E.Reopened(Alice, "errors are back", Minutes(110)) { At = Minutes(80) }];

        Assert.Null(IncidentEvolution.Fold(reopened).Times.PostmortemReviewed);
        Scenario.Given(reopened).At(Minutes(85)).When(new C.MarkPostmortemReviewed(Carol)).ThenRejected("incident.not_resolved", "INC-42 is investigating; its postmortem is reviewed once it is resolved.");
        Scenario.Given([.. reopened, Moved(IncidentStatus.Investigating, IncidentStatus.Resolved, 100)]).At(Minutes(120)).When(new C.MarkPostmortemReviewed(Carol))
            .Then(new E.PostmortemReviewed(Carol) { At = Minutes(120) });
    }

    [Fact]
    public void The_review_needs_to_know_who_reviewed()
    {
        Scenario.Given(Resolved()).When(new C.MarkPostmortemReviewed(new Person(" ", "Nobody"))).ThenInvalid("by");
    }
}
