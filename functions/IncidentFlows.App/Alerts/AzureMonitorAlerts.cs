using System.Text.Json;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// The Azure Monitor common alert schema (schemaId azureMonitorCommonAlertSchema): one alert per delivery,
/// identified by data.essentials.alertId, Fired or Resolved by monitorCondition, Sev0–Sev4.
/// </summary>
public static class AzureMonitorAlerts
{
    public const string SchemaId = "azureMonitorCommonAlertSchema";

    private static readonly string[] LabelFields = ["severity", "signalType", "monitoringService"];

    public static AlertReading Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || AlertJson.String(root, "schemaId") != SchemaId)
        {
            return AlertReading.Invalid("schemaId", $"Expected the common alert schema (schemaId '{SchemaId}'); enable it on the action group.");
        }

        var essentials = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("essentials", out var e) ? e : default;
        if (essentials.ValueKind != JsonValueKind.Object)
        {
            return AlertReading.Invalid("data.essentials", "The common alert schema carries data.essentials.");
        }

        if (AlertJson.String(essentials, "alertId") is not { } alertId)
        {
            return AlertReading.Invalid("data.essentials.alertId", "An Azure Monitor alert needs its alertId.");
        }

        var condition = AlertJson.String(essentials, "monitorCondition");
        if (condition is not ("Fired" or "Resolved"))
        {
            return AlertReading.Invalid("data.essentials.monitorCondition", $"monitorCondition is 'Fired' or 'Resolved', not '{condition}'.");
        }

        var rule = AlertJson.String(essentials, "alertRule") ?? "Azure Monitor alert";
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["alertRule"] = rule };
        foreach (var name in LabelFields)
        {
            if (AlertJson.String(essentials, name) is { } value)
            {
                labels[name] = value;
            }
        }

        if (essentials.TryGetProperty("alertTargetIDs", out var targets) && targets.ValueKind == JsonValueKind.Array)
        {
            labels["alertTargetIDs"] = string.Join(" ", targets.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()));
        }

        var description = AlertJson.String(essentials, "description");
        return AlertReading.Of(new AlertBatch(
            [new IncomingAlert(
                "azure-monitor",
                alertId,
                condition == "Fired",
                description is null ? rule : $"{rule}: {description}",
                AlertJson.String(essentials, "severity"),
                null,
                labels,
                [],
                AlertJson.Time(essentials, "firedDateTime"))],
            0));
    }
}
