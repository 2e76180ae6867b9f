using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.App.Incidents.Json;

/// <summary>Instants as ISO-8601 UTC ("2026-11-21T09:00:00Z"); NodaTime's own serializer package is not in our registry.</summary>
internal sealed class InstantConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaJson.Valid(InstantPattern.ExtendedIso.Parse(reader.GetString() ?? ""), "an ISO-8601 UTC instant such as 2026-11-21T09:00:00Z");

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

/// <summary>Durations in NodaTime's round-trip pattern ("0:00:10:00").</summary>
internal sealed class DurationConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaJson.Valid(DurationPattern.Roundtrip.Parse(reader.GetString() ?? ""), "a duration such as 0:00:10:00");

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DurationPattern.Roundtrip.Format(value));
}

/// <summary>Dates as ISO-8601 ("2026-12-01").</summary>
internal sealed class LocalDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaJson.Valid(LocalDatePattern.Iso.Parse(reader.GetString() ?? ""), "a real date such as 2026-12-01");

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>
/// A value that does not parse is a <see cref="JsonException"/>, which the serializer tags with the JSON path,
/// so the API answers a 400 naming the field instead of a 500 from NodaTime's own exception.
/// </summary>
internal static class NodaJson
{
    public static T Valid<T>(ParseResult<T> parsed, string expected) =>
        parsed.Success ? parsed.Value : throw new JsonException($"not {expected}", parsed.Exception);
}
