using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>Activity JSON: camelCase, case-insensitive on read, and never a null on the wire.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
