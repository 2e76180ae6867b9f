using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>When each action item was finished, and when the last open one was: the end of the time to improve.</summary>
public class ActionItemFinishSpecs
{
    private static readonly ActionItemDetails AddAlert = new("Alert on checkout error rate", Importance.High, Urgency.Medium, ActionItemSize.Hours);
    private static readonly ActionItemDetails LoadTest = new("Load test checkout", Importance.Medium, Urgency.Low, ActionItemSize.Days);

    private static E.ActionItemAdded Added(int number, ActionItemDetails item, int minute) => new(number, item, Bob, null) { At = Minutes(minute) };

    private static E.ActionItemUpdated Set(int number, ActionItemDetails item, ActionItemStatus status, int minute) =>
        new(number, item with { Status = status }, Carol) { At = Minutes(minute) };

    private static Incident Fold(params IncidentEvent[] events) => IncidentEvolution.Fold([.. PagedSev1(), .. events]);

    [Fact]
    public void The_last_open_item_finished_is_when_the_action_items_were_done()
    {
        var incident = Fold(Added(1, AddAlert, 30), Added(2, LoadTest, 31), Set(2, LoadTest, ActionItemStatus.Done, 100), Set(1, AddAlert, ActionItemStatus.WontDo, 200));

        Assert.Equal([Minutes(200), Minutes(100)], incident.ActionItems.Select(i => i.FinishedAt));
        Assert.Equal(Minutes(200), incident.Times.ActionItemsDone);
    }

    [Fact]
    public void While_an_item_is_open_the_action_items_are_not_done()
    {
        Assert.Null(Fold(Added(1, AddAlert, 30), Added(2, LoadTest, 31), Set(2, LoadTest, ActionItemStatus.Done, 100)).Times.ActionItemsDone);
        Assert.Null(Fold().Times.ActionItemsDone);
    }

    [Fact]
    public void An_item_added_after_the_others_were_done_opens_them_again()
    {
        var incident = Fold(Added(1, AddAlert, 30), Set(1, AddAlert, ActionItemStatus.Done, 100), Added(2, LoadTest, 150));

        Assert.Null(incident.Times.ActionItemsDone);
    }

    [Fact]
    public void An_item_added_as_done_is_finished_when_it_was_added()
    {
        var incident = Fold(Added(1, AddAlert with { Status = ActionItemStatus.Done }, 30));

        Assert.Equal(Minutes(30), incident.Times.ActionItemsDone);
    }

    [Fact]
    public void A_finished_item_keeps_its_first_finishing_time_and_loses_it_when_reopened()
    {
        var changedItsMind = Fold(Added(1, AddAlert, 30), Set(1, AddAlert, ActionItemStatus.Done, 100), Set(1, AddAlert, ActionItemStatus.WontDo, 120));
        var reopened = Fold(Added(1, AddAlert, 30), Set(1, AddAlert, ActionItemStatus.Done, 100), Set(1, AddAlert, ActionItemStatus.InProgress, 120));

        Assert.Equal(Minutes(100), changedItsMind.Times.ActionItemsDone);
        Assert.Null(Assert.Single(reopened.ActionItems).FinishedAt);
        Assert.Null(reopened.Times.ActionItemsDone);
    }
}
