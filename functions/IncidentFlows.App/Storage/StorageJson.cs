using System.Text.Json;

namespace IncidentFlows.App.Storage;

/// <summary>The JSON shape of stored events: camelCase, stable across builds.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
