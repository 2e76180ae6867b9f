using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.App.Sweeps;

/// <summary>Sweep messages when Teams is not configured: one readable log line each.</summary>
public sealed partial class ConsoleSweepNotices(ILogger<ConsoleSweepNotices> log) : ISweepNotices
{
#pragma warning disable CA1873 // Each log line is the message itself, not diagnostics: it is always built.
    public Task SendHandoffDigestAsync(HandoffDigestEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        LogHandoff(entry.ScheduleId, entry.At.ToString(), string.Join(", ", entry.GoingOff), string.Join(", ", entry.ComingOn),
            entry.Inherited.Count == 0 ? "none" : string.Join(", ", entry.Inherited.Select(i => $"{i.IncidentId} {i.Severity} {i.Title}")));
        return Task.CompletedTask;
    }
#pragma warning restore CA1873

    public Task RemindOverdueAsync(OverdueActionItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        LogOverdue(item.Incident.Value, item.Item.Number, item.Item.Details.Title, item.Item.Details.Assignee?.Name ?? "nobody", item.DaysOverdue);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "[teams] handoff on {Schedule} at {At}: {GoingOff} → {ComingOn}; open incidents: {Inherited}")]
    private partial void LogHandoff(string schedule, string at, string goingOff, string comingOn, string inherited);

    [LoggerMessage(Level = LogLevel.Information, Message = "[teams] {IncidentId} action item {Number} \"{Title}\" ({Assignee}) is {Days} day(s) overdue")]
    private partial void LogOverdue(string incidentId, int number, string title, string assignee, int days);
}
