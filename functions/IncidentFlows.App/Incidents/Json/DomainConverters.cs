using System.Text.Json.Serialization;

namespace IncidentFlows.App.Incidents.Json;

/// <summary>The converters every JSON of ours needs for domain values: NodaTime, ids and value lists.</summary>
public static class DomainConverters
{
    public static void AddTo(IList<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Add(new InstantConverter());
        converters.Add(new DurationConverter());
        converters.Add(new LocalDateConverter());
        converters.Add(new IncidentIdConverter());
        converters.Add(new ValueListConverter());
    }
}
