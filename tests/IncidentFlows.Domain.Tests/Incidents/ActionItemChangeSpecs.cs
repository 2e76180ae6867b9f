using IncidentFlows.Domain.Incidents;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;

namespace IncidentFlows.Domain.Tests.Incidents;

public class ActionItemChangeSpecs
{
    private static readonly ActionItemDetails Current = new(
        "Alert on checkout error rate", Importance.High, Urgency.Medium, ActionItemSize.Hours, ActionItemStatus.InProgress, Bob, Confidence.High, new LocalDate(2026, 12, 1));

    [Fact]
    public void Fields_left_out_keep_their_values()
    {
        Assert.Equal(Current with { Status = ActionItemStatus.Done }, new ActionItemChange(Status: ActionItemStatus.Done).ApplyTo(Current));
    }

    [Fact]
    public void A_new_assignee_starts_without_a_confidence()
    {
        Assert.Equal(Current with { Assignee = Carol, AssigneeConfidence = null }, new ActionItemChange(Assignee: Carol).ApplyTo(Current));
        Assert.Equal(Current with { Assignee = Carol, AssigneeConfidence = Confidence.Low }, new ActionItemChange(Assignee: Carol, AssigneeConfidence: Confidence.Low).ApplyTo(Current));
    }

    [Fact]
    public void Unassigning_and_clearing_the_due_date_are_explicit()
    {
        Assert.Equal(
            Current with { Assignee = null, AssigneeConfidence = null, Due = null },
            new ActionItemChange(Unassign: true, ClearDue: true).ApplyTo(Current));
    }

    [Fact]
    public void An_empty_change_is_the_same_item_so_the_update_it_makes_is_a_harmless_repeat()
    {
        var unchanged = new ActionItemChange().ApplyTo(Current);

        Scenario.Given([.. PagedSev1(), new IncidentEvent.ActionItemAdded(1, Current, Bob, null) { At = T0 }])
            .When(new IncidentCommand.UpdateActionItem(1, unchanged, Bob)).ThenNothing();
    }
}
