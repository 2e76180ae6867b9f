using System.Text.Json;

namespace IncidentFlows.App.Alerts;

/// <summary>Small, forgiving readers over a sender's JSON: a missing optional field is null, a wrong kind is a problem.</summary>
internal static class AlertJson
{
    public static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? NullIfBlank(value.GetString())
            : null;

    public static bool Has(JsonElement parent, string name, JsonValueKind kind) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == kind;

    /// <summary>A string-to-string map (labels, annotations); other values are written as their JSON text.</summary>
    public static Dictionary<string, string> Map(JsonElement parent, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in value.EnumerateObject())
            {
                map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() ?? "" : entry.Value.GetRawText();
            }
        }

        return map;
    }

    public static DateTimeOffset? Time(JsonElement parent, string name) =>
        String(parent, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            && time.Year > 1 // Alertmanager sends 0001-01-01T00:00:00Z for "not ended"
            ? time
            : null;

    public static bool IsLink(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
