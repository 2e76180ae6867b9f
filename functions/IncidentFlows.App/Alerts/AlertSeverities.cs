using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// A source's severity onto ours: Azure Sev0–Sev4 onto SEV0–SEV4, Alertmanager's conventional
/// severity label values (critical, error, warning, info) through a table, anything unknown SEV3.
/// </summary>
public static class AlertSeverities
{
    public const Severity Unknown = Severity.Sev3;

    private static readonly Dictionary<string, Severity> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["critical"] = Severity.Sev1,
        ["page"] = Severity.Sev1,
        ["high"] = Severity.Sev2,
        ["error"] = Severity.Sev2,
        ["major"] = Severity.Sev2,
        ["warning"] = Severity.Sev3,
        ["minor"] = Severity.Sev3,
        ["info"] = Severity.Sev4,
        ["low"] = Severity.Sev4,
        ["none"] = Severity.Sev4,
    };

    public static Severity Map(string? severity) =>
        severity is null ? Unknown
        : Labels.TryGetValue(severity.Trim(), out var mapped) ? mapped
        : SeverityNames.Parse(severity) ?? Unknown; // Sev0–Sev4, SEV2, P2, 2
}
