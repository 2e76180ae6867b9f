using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.App.Incidents.Json;

/// <summary>Instants as ISO-8601 UTC ("2026-11-21T09:00:00Z"); NodaTime's own serializer package is not in our registry.</summary>
internal sealed class InstantConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "").GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

/// <summary>Durations in NodaTime's round-trip pattern ("0:00:10:00").</summary>
internal sealed class DurationConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DurationPattern.Roundtrip.Parse(reader.GetString() ?? "").GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DurationPattern.Roundtrip.Format(value));
}

/// <summary>Dates as ISO-8601 ("2026-12-01").</summary>
internal sealed class LocalDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LocalDatePattern.Iso.Parse(reader.GetString() ?? "").GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
