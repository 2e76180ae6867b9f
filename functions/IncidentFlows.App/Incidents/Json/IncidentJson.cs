using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;

namespace IncidentFlows.App.Incidents.Json;

/// <summary>
/// JSON for events, effects, commands and state snapshots. They are polymorphic by their
/// contract names (<see cref="IncidentContracts"/>) so an effect that carries an event round-trips.
/// </summary>
public static class IncidentJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddContracts } },
        };
        DomainConverters.AddTo(options.Converters);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void AddContracts(JsonTypeInfo info)
    {
        var names = info.Type == typeof(IncidentEvent) ? IncidentContracts.Events
            : info.Type == typeof(IncidentEffect) ? IncidentContracts.Effects
            : info.Type == typeof(IncidentCommand) ? IncidentContracts.Commands
            : null;
        if (names is null)
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (type, name) in names)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
