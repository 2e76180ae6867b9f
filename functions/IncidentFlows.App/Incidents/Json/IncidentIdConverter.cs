using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Incidents.Json;

/// <summary>An incident id is its string.</summary>
internal sealed class IncidentIdConverter : JsonConverter<IncidentId>
{
    public override IncidentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, IncidentId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
