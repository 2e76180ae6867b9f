using IncidentFlows.Domain.Incidents;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class ActionItemSpecs
{
    private static readonly ActionItemDetails AddAlert = new("Alert on checkout error rate", Importance.High, Urgency.Medium, ActionItemSize.Hours);

    private static E.ActionItemAdded Added(int number, ActionItemDetails item, int minute, string? key = null) =>
        new(number, item, Bob, key) { At = Minutes(minute) };

    private static IncidentEvent[] Closed() =>
    [
        .. PagedSev1(),
        new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Bob, null) { At = Minutes(40) },
        new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, Bob, null) { At = Minutes(60) },
    ];

    [Fact]
    public void Adding_an_action_item_numbers_it_from_one_and_trims_the_title()
    {
        var outcome = Scenario.Given(PagedSev1()).At(Minutes(30)).When(new C.AddActionItem(AddAlert with { Title = "  Alert on checkout error rate " }, Bob));

        outcome.Then(Added(1, AddAlert, 30));
        Assert.Equal(new ActionItem(1, AddAlert, Bob, Minutes(30)), Assert.Single(outcome.After.ActionItems));
    }

    [Fact]
    public void The_next_item_gets_the_next_number()
    {
        Scenario.Given([.. PagedSev1(), Added(1, AddAlert, 30)]).At(Minutes(31))
            .When(new C.AddActionItem(AddAlert with { Title = "Load test checkout" }, Bob))
            .Then(Added(2, AddAlert with { Title = "Load test checkout" }, 31));
    }

    [Fact]
    public void The_same_item_delivered_twice_with_its_key_is_added_once()
    {
        Scenario.Given([.. PagedSev1(), Added(1, AddAlert, 30, "activity-9")]).At(Minutes(31))
            .When(new C.AddActionItem(AddAlert, Bob, "activity-9")).ThenNothing();
    }

    [Fact]
    public void Action_items_are_added_and_updated_after_the_incident_is_closed()
    {
        Scenario.Given(Closed()).At(Minutes(24 * 60)).When(new C.AddActionItem(AddAlert, Bob))
            .Then(Added(1, AddAlert, 24 * 60));
        Scenario.Given([.. Closed(), Added(1, AddAlert, 70)]).At(Minutes(90))
            .When(new C.UpdateActionItem(1, AddAlert with { Status = ActionItemStatus.Done }, Carol))
            .Then(new E.ActionItemUpdated(1, AddAlert with { Status = ActionItemStatus.Done }, Carol) { At = Minutes(90) });
    }

    [Fact]
    public void Other_commands_are_still_refused_once_closed()
    {
        Scenario.Given(Closed()).When(new C.AddNote("late note", Bob)).ThenRejected("incident.closed", "INC-42 is closed; reopen it first.");
    }

    [Fact]
    public void Updating_sets_the_whole_item_and_keeps_its_number_and_author()
    {
        var assigned = AddAlert with
        {
            Status = ActionItemStatus.InProgress,
            Assignee = Carol,
            AssigneeConfidence = Confidence.Medium,
            Due = new LocalDate(2026, 12, 1),
        };
        var outcome = Scenario.Given([.. PagedSev1(), Added(1, AddAlert, 30)]).At(Minutes(45)).When(new C.UpdateActionItem(1, assigned, Carol));

        outcome.Then(new E.ActionItemUpdated(1, assigned, Carol) { At = Minutes(45) });
        Assert.Equal(new ActionItem(1, assigned, Bob, Minutes(30)), Assert.Single(outcome.After.ActionItems));
    }

    [Fact]
    public void Updating_with_the_same_details_is_harmless()
    {
        Scenario.Given([.. PagedSev1(), Added(1, AddAlert, 30)]).When(new C.UpdateActionItem(1, AddAlert with { Title = AddAlert.Title + " " }, Carol))
            .ThenNothing();
    }

    [Fact]
    public void Updating_an_item_that_does_not_exist_is_refused_with_the_field()
    {
        var outcome = Scenario.Given([.. PagedSev1(), Added(1, AddAlert, 30)]).When(new C.UpdateActionItem(2, AddAlert, Carol));

        outcome.ThenRejected("action_item.not_found", "INC-42 has no action item 2.");
        Assert.Equal("number", outcome.Decision.Error?.Field);
    }

    [Fact]
    public void An_item_without_a_title_is_refused()
    {
        Scenario.Given(PagedSev1()).When(new C.AddActionItem(AddAlert with { Title = " " }, Bob)).ThenInvalid("title");
    }

    [Fact]
    public void Confidence_without_an_assignee_is_refused()
    {
        Scenario.Given(PagedSev1()).When(new C.AddActionItem(AddAlert with { AssigneeConfidence = Confidence.High }, Bob)).ThenInvalid("confidence");
    }

    [Fact]
    public void An_assignee_without_an_id_is_refused()
    {
        Scenario.Given(PagedSev1()).When(new C.AddActionItem(AddAlert with { Assignee = new Person(" ", "Nobody") }, Bob)).ThenInvalid("assignee");
    }

    [Fact]
    public void Values_outside_the_scales_are_refused_by_field()
    {
        Scenario.Given(PagedSev1()).When(new C.AddActionItem(AddAlert with { Importance = (Importance)7 }, Bob)).ThenInvalid("importance");
        Scenario.Given(PagedSev1()).When(new C.AddActionItem(AddAlert with { Urgency = (Urgency)7 }, Bob)).ThenInvalid("urgency");
        Scenario.Given(PagedSev1()).When(new C.AddActionItem(AddAlert with { Size = (ActionItemSize)7 }, Bob)).ThenInvalid("size");
        Scenario.Given(PagedSev1()).When(new C.AddActionItem(AddAlert with { Status = (ActionItemStatus)7 }, Bob)).ThenInvalid("status");
    }

    [Fact]
    public void An_incident_takes_at_most_a_hundred_action_items()
    {
        IncidentEvent[] full = [.. PagedSev1(), .. Enumerable.Range(1, Limits.ActionItemsPerIncident).Select(n => Added(n, AddAlert, 30))];

        Scenario.Given(full).When(new C.AddActionItem(AddAlert, Bob))
            .ThenRejected("action_item.too_many", "INC-42 already has 100 action items; finish or merge some first.");
    }

    [Fact]
    public void An_item_carries_its_priority_from_the_matrix()
    {
        Assert.Equal(Priority.P1, AddAlert.Priority); // high importance, medium urgency (P2), a quick win: one up
    }
}
