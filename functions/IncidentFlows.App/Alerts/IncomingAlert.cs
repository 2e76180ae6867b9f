namespace IncidentFlows.App.Alerts;

/// <summary>
/// One alert as any source reports it, reduced to what routing, grouping and the timeline need.
/// <paramref name="Key"/> is the alert's own identity (Alertmanager/Grafana fingerprint, Azure
/// essentials.alertId, the generic dedupKey): deduplication is per alert, never per summary.
/// </summary>
public sealed record IncomingAlert(
    string Source,
    string Key,
    bool Firing,
    string Title,
    string? Severity,
    string? Service,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Links,
    DateTimeOffset? StartsAt);

/// <summary>What one delivery carried: its alerts, and how many the sender left out (Alertmanager's truncatedAlerts).</summary>
public sealed record AlertBatch(IReadOnlyList<IncomingAlert> Alerts, int Truncated);

/// <summary>A source's reading of a payload: a batch, or the field that is wrong and why.</summary>
public sealed record AlertReading(AlertBatch? Batch, string? Field, string? Problem)
{
    public static AlertReading Of(AlertBatch batch) => new(batch, null, null);

    public static AlertReading Invalid(string field, string problem) => new(null, field, problem);
}
