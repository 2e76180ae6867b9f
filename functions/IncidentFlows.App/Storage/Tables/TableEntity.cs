using Azure;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// A table row: keys, ETag, server timestamp and typed properties. Supported property types map to EDM types:
/// <see cref="string"/>, <see cref="bool"/>, <see cref="int"/> (Int32), <see cref="long"/> (Int64),
/// <see cref="double"/>, <see cref="DateTimeOffset"/> (DateTime, UTC), <see cref="Guid"/> and
/// <see cref="BinaryData"/> (Binary).
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = TableKeys.Validate(partitionKey, nameof(partitionKey));
        RowKey = TableKeys.Validate(rowKey, nameof(rowKey));
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The entity's ETag as last read or written; <c>default</c> when never stored.</summary>
    public ETag ETag { get; set; }

    /// <summary>The service-maintained timestamp (read only; ignored on writes).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public IReadOnlyDictionary<string, object> Properties => _properties;

    /// <summary>Gets or sets a property; setting <c>null</c> removes it. Unsupported types are refused.</summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            EntityJson.ValidatePropertyName(name);
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            _properties[name] = value switch
            {
                string or bool or int or long or double or Guid or BinaryData => value,
                DateTimeOffset d => d.ToUniversalTime(),
                DateTime d => new DateTimeOffset(d.ToUniversalTime()),
                byte[] b => BinaryData.FromBytes(b),
                _ => throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(name)),
            };
        }
    }

    public string? GetString(string name) => Get<string>(name);

    public long? GetInt64(string name) => _properties.GetValueOrDefault(name) switch
    {
        long l => l,
        int i => i,
        null => null,
        var other => throw WrongType(name, other, "Int64"),
    };

    public int? GetInt32(string name) => Get<int>(name);

    public bool? GetBoolean(string name) => Get<bool>(name);

    public double? GetDouble(string name) => Get<double>(name);

    public DateTimeOffset? GetDateTimeOffset(string name) => Get<DateTimeOffset>(name);

    public Guid? GetGuid(string name) => Get<Guid>(name);

    public BinaryData? GetBinary(string name) => Get<BinaryData>(name);

    private T? Get<T>(string name)
    {
        var value = _properties.GetValueOrDefault(name);
        return value switch
        {
            null => default,
            T t => t,
            _ => throw WrongType(name, value, typeof(T).Name),
        };
    }

    private InvalidOperationException WrongType(string name, object value, string wanted) =>
        new($"Property '{name}' of {PartitionKey}/{RowKey} is {value.GetType().Name}, not {wanted}.");
}
