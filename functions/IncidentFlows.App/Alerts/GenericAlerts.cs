using System.Text.Json;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// The generic shape for every other sender (docs/alerts.md): title, severity, service, dedupKey,
/// status firing|resolved, links[], details{}. A single alert or an array of them.
/// </summary>
public static class GenericAlerts
{
    public static AlertReading Read(JsonElement root)
    {
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        var alerts = new List<IncomingAlert>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = root.ValueKind == JsonValueKind.Array ? $"[{i}]." : "";
            if (item.ValueKind != JsonValueKind.Object)
            {
                return AlertReading.Invalid(path.Length > 0 ? $"[{i}]" : "body", "An alert is a JSON object.");
            }

            if (AlertJson.String(item, "title") is not { } title)
            {
                return AlertReading.Invalid($"{path}title", "An alert needs a title.");
            }

            if (AlertJson.String(item, "dedupKey") is not { } key)
            {
                return AlertReading.Invalid($"{path}dedupKey", "An alert needs a dedupKey: the same key for every report of the same alert.");
            }

            var status = AlertJson.String(item, "status") ?? "firing";
            if (status is not ("firing" or "resolved"))
            {
                return AlertReading.Invalid($"{path}status", $"status is 'firing' or 'resolved', not '{status}'.");
            }

            var links = new List<string>();
            if (item.TryGetProperty("links", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var link in list.EnumerateArray())
                {
                    var href = link.ValueKind == JsonValueKind.String ? link.GetString() : AlertJson.String(link, "href");
                    if (!AlertJson.IsLink(href))
                    {
                        return AlertReading.Invalid($"{path}links", $"'{href}' is not an http(s) link.");
                    }

                    links.Add(href!);
                }
            }

            alerts.Add(new IncomingAlert("generic", key, status == "firing", title, AlertJson.String(item, "severity"), AlertJson.String(item, "service"), AlertJson.Map(item, "details"), links, null));
        }

        return AlertReading.Of(new AlertBatch(alerts, 0));
    }
}
