using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>An unfinished action item past its due date: where it is, and by how many days in the team's zone.</summary>
public sealed record OverdueActionItem(IncidentId Incident, ActionItem Item, LocalDate Due, int DaysOverdue);

/// <summary>
/// Which action items are overdue at an instant. A due date is a calendar date in the team's zone:
/// the item is overdue from 00:00 of the next day there, until it is done or won't be done.
/// </summary>
public static class OverdueActionItems
{
    /// <summary>Most overdue first, then by priority, then by incident and number: the order reminders go out in.</summary>
    public static IReadOnlyList<OverdueActionItem> At(IEnumerable<Incident> incidents, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(zone);
        var today = now.InZone(zone).Date;
        return incidents
            .SelectMany(incident => incident.ActionItems.Select(item => (incident.Id, item)))
            .Where(x => !x.item.IsFinished && x.item.Details.Due is { } due && due < today)
            .Select(x => new OverdueActionItem(x.Id, x.item, x.item.Details.Due!.Value, Period.Between(x.item.Details.Due!.Value, today, PeriodUnits.Days).Days))
            .OrderByDescending(o => o.DaysOverdue)
            .ThenBy(o => o.Item.Priority)
            .ThenBy(o => o.Incident.Value, StringComparer.Ordinal)
            .ThenBy(o => o.Item.Number)
            .ToList();
    }

    public static IReadOnlyList<OverdueActionItem> At(Incident incident, Instant now, DateTimeZone zone) => At([incident], now, zone);
}
