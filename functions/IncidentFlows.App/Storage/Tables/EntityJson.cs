using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// The JSON wire format of an entity. Types JSON cannot carry are annotated with <c>Name@odata.type</c>
/// (Edm.Int64, Edm.DateTime, Edm.Guid, Edm.Binary, Edm.Double); reads use <c>odata=minimalmetadata</c>, where the
/// service sends the same annotations back.
/// </summary>
internal static class EntityJson
{
    public static void ValidatePropertyName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var ok = name.Length <= 255 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            && name is not ("PartitionKey" or "RowKey" or "Timestamp" or "ETag");
        if (!ok)
        {
            throw new ArgumentException($"'{name}' is not a valid custom property name (C# identifier, not a system property).", nameof(name));
        }
    }

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("PartitionKey", entity.PartitionKey);
            w.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
            {
                WriteProperty(w, name, value);
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter w, string name, object value)
    {
        switch (value)
        {
            case string s: w.WriteString(name, s); break;
            case bool b: w.WriteBoolean(name, b); break;
            case int i: w.WriteNumber(name, i); break;
            case long l: Typed(w, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: Typed(w, name, "Edm.Double", d.ToString("R", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset d: Typed(w, name, "Edm.DateTime", d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)); break;
            case Guid g: Typed(w, name, "Edm.Guid", g.ToString("D")); break;
            case BinaryData bin: Typed(w, name, "Edm.Binary", Convert.ToBase64String(bin.ToMemory().Span)); break;
            default: throw new InvalidOperationException($"Unsupported property type {value.GetType().Name}.");
        }
    }

    private static void Typed(Utf8JsonWriter w, string name, string edmType, string text)
    {
        w.WriteString(name + "@odata.type", edmType);
        w.WriteString(name, text);
    }

    public static TableEntity Deserialize(JsonElement json, ETag headerETag = default)
    {
        var entity = new TableEntity(json.GetProperty("PartitionKey").GetString()!, json.GetProperty("RowKey").GetString()!);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in json.EnumerateObject())
        {
            if (p.Name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                types[p.Name[..^"@odata.type".Length]] = p.Value.GetString() ?? "";
            }
        }

        foreach (var p in json.EnumerateObject())
        {
            if (p.Name.Contains('@', StringComparison.Ordinal) || p.Name.StartsWith("odata.", StringComparison.Ordinal)
                || p.Name is "PartitionKey" or "RowKey")
            {
                continue;
            }

            // Azurite omits the Edm.DateTime annotation on Timestamp; the service always sends it.
            var value = ReadValue(p.Value, p.Name == "Timestamp" ? "Edm.DateTime" : types.GetValueOrDefault(p.Name));
            if (p.Name == "Timestamp")
            {
                entity.Timestamp = value as DateTimeOffset?;
            }
            else if (value is not null)
            {
                entity[p.Name] = value;
            }
        }

        entity.ETag = json.TryGetProperty("odata.etag", out var etag) && etag.GetString() is { } e ? new ETag(e) : headerETag;
        return entity;
    }

    private static object? ReadValue(JsonElement v, string? edmType) => (edmType, v.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        ("Edm.Int64", _) => long.Parse(v.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.DateTime", _) => DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        ("Edm.Guid", _) => Guid.Parse(v.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.Binary", _) => BinaryData.FromBytes(Convert.FromBase64String(v.GetString()!)),
        ("Edm.Double", JsonValueKind.String) => double.Parse(v.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.Double", JsonValueKind.Number) => v.GetDouble(),
        (_, JsonValueKind.String) => v.GetString(),
        (_, JsonValueKind.True or JsonValueKind.False) => v.GetBoolean(),
        (_, JsonValueKind.Number) => IsIntegral(v) && v.TryGetInt32(out var i) ? i : (object)v.GetDouble(),
        _ => throw new InvalidOperationException($"Unexpected JSON {v.ValueKind} for a table property."),
    };

    /// <summary>A JSON number written without a fraction or exponent is an Int32; <c>2.0</c> is a Double.</summary>
    private static bool IsIntegral(JsonElement v) => v.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    /// <summary>Approximate stored size in bytes (strings count as UTF-16), to refuse entities over the service limit early.</summary>
    public static long EstimatedSize(TableEntity entity)
    {
        long size = 4 + 2 * (entity.PartitionKey.Length + entity.RowKey.Length);
        foreach (var (name, value) in entity.Properties)
        {
            size += 8 + 2 * name.Length + value switch
            {
                string s => 4 + Encoding.Unicode.GetByteCount(s),
                BinaryData b => 4 + b.ToMemory().Length,
                Guid => 16,
                bool => 1,
                int => 4,
                _ => 8,
            };
        }

        return size;
    }
}
