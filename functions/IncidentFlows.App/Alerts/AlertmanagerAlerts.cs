using System.Text.Json;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// The Prometheus Alertmanager webhook, version 4 (status, groupKey, truncatedAlerts, alerts[] with status,
/// labels, annotations, startsAt, endsAt, generatorURL, fingerprint). Grafana's webhook contact point sends
/// the same shape plus dashboardURL, panelURL and values per alert, read here as extra links.
/// </summary>
public static class AlertmanagerAlerts
{
    private static readonly string[] LinkFields = ["generatorURL", "dashboardURL", "panelURL", "silenceURL"];

    public static AlertReading Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return AlertReading.Invalid("body", "Expected an Alertmanager webhook object.");
        }

        if (!AlertJson.Has(root, "alerts", JsonValueKind.Array))
        {
            return AlertReading.Invalid("alerts", "An Alertmanager webhook carries an 'alerts' array.");
        }

        var alerts = new List<IncomingAlert>();
        var index = 0;
        foreach (var alert in root.GetProperty("alerts").EnumerateArray())
        {
            var path = $"alerts[{index++}]";
            if (alert.ValueKind != JsonValueKind.Object)
            {
                return AlertReading.Invalid(path, "Each alert is an object.");
            }

            var labels = AlertJson.Map(alert, "labels");
            var annotations = AlertJson.Map(alert, "annotations");
            var status = AlertJson.String(alert, "status") ?? AlertJson.String(root, "status");
            if (status is not ("firing" or "resolved"))
            {
                return AlertReading.Invalid($"{path}.status", $"status is 'firing' or 'resolved', not '{status}'.");
            }

            // The fingerprint is the alert's identity; without one, the label set is (Alertmanager derives it from the labels).
            var key = AlertJson.String(alert, "fingerprint")
                ?? (labels.Count > 0 ? string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) : null);
            if (key is null)
            {
                return AlertReading.Invalid($"{path}.fingerprint", "An alert needs a fingerprint or labels to be told apart from others.");
            }

            var links = LinkFields
                .Select(name => AlertJson.String(alert, name))
                .Where(AlertJson.IsLink)
                .Select(link => link!)
                .Concat(annotations.Where(a => a.Key.EndsWith("_url", StringComparison.OrdinalIgnoreCase) && AlertJson.IsLink(a.Value)).Select(a => a.Value))
                .ToList();
            var name = labels.GetValueOrDefault("alertname") ?? "alert";
            var summary = annotations.GetValueOrDefault("summary") ?? annotations.GetValueOrDefault("description");
            alerts.Add(new IncomingAlert(
                source,
                key,
                status == "firing",
                summary is null ? name : $"{name}: {summary}",
                labels.GetValueOrDefault("severity"),
                labels.GetValueOrDefault("service"),
                labels,
                links,
                AlertJson.Time(alert, "startsAt")));
        }

        var truncated = root.TryGetProperty("truncatedAlerts", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var n) ? n : 0;
        return AlertReading.Of(new AlertBatch(alerts, truncated));
    }
}
