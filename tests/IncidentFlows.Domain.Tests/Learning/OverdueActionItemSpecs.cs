using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

public class OverdueActionItemSpecs
{
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
    private static readonly Person Bob = ModelLoadingIncident.Bob;

    private static ActionItemDetails Item(string title, int dueDay, ActionItemStatus status = ActionItemStatus.Backlog, Importance importance = Importance.Medium) =>
        new(title, importance, Urgency.Medium, ActionItemSize.Days, status, Due: new LocalDate(2026, 12, dueDay));

    private static Incident WithItems(string id, params ActionItemDetails?[] items)
    {
        var at = Instant.FromUtc(2026, 11, 20, 9, 0);
        var declared = SyntheticHistories.Incident(id, at);
        return IncidentEvolution.Fold([.. declared, .. items.Select((item, i) => new E.ActionItemAdded(i + 1, item!, Bob, null) { At = at })]);
    }

    [Fact]
    public void An_item_is_overdue_from_the_start_of_the_day_after_its_due_date_in_the_teams_zone()
    {
        var incident = WithItems("INC-1", Item("Add an alert", dueDay: 1));

        // 2026-12-01 14:59 UTC is 23:59 on the 1st in Tokyo; 15:00 UTC is midnight, the 2nd.
        Assert.Empty(OverdueActionItems.At(incident, Instant.FromUtc(2026, 12, 1, 14, 59), Tokyo));
        var overdue = Assert.Single(OverdueActionItems.At(incident, Instant.FromUtc(2026, 12, 1, 15, 0), Tokyo));
        Assert.Equal((new IncidentId("INC-1"), 1, new LocalDate(2026, 12, 1), 1), (overdue.Incident, overdue.Item.Number, overdue.Due, overdue.DaysOverdue));
    }

    [Fact]
    public void Finished_items_and_items_without_a_due_date_are_never_overdue()
    {
        var incident = WithItems(
            "INC-1",
            Item("Done", 1, ActionItemStatus.Done),
            Item("Dropped", 1, ActionItemStatus.WontDo),
            Item("Someday", 1) with { Due = null });

        Assert.Empty(OverdueActionItems.At(incident, Instant.FromUtc(2027, 1, 1, 0, 0), DateTimeZone.Utc));
    }

    [Fact]
    public void The_most_overdue_come_first_then_the_highest_priority()
    {
        var first = WithItems("INC-1", Item("Late a week", 1), Item("Late two days, low", 6, importance: Importance.Low));
        var second = WithItems("INC-2", Item("Late two days, high", 6, ActionItemStatus.InProgress, Importance.High));

        var overdue = OverdueActionItems.At([first, second], Instant.FromUtc(2026, 12, 8, 12, 0), DateTimeZone.Utc);

        Assert.Equal(
            [("Late a week", 7), ("Late two days, high", 2), ("Late two days, low", 2)],
            overdue.Select(o => (o.Item.Details.Title, o.DaysOverdue)));
    }
}
