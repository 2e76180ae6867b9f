namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// The service's size limits, checked before sending so callers get a clear message instead of a 400:
/// 1 MiB per entity, 64 KiB per string or binary property (32,768 UTF-16 characters), 252 custom properties,
/// and for a transaction 100 operations and 4 MiB.
/// </summary>
public static class EntityLimits
{
    public const long MaxEntityBytes = 1024 * 1024;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxTransactionOperations = 100;
    public const long MaxTransactionBytes = 4L * 1024 * 1024;

    public static void Check(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var where = $"entity {entity.PartitionKey}/{entity.RowKey}";
        if (entity.Properties.Count > MaxCustomProperties)
        {
            throw new ArgumentException($"The {where} has {entity.Properties.Count} properties; the service allows {MaxCustomProperties}.", nameof(entity));
        }

        foreach (var (name, value) in entity.Properties)
        {
            if (value is string s && s.Length > MaxStringChars)
            {
                throw new ArgumentException($"Property '{name}' of the {where} has {s.Length} characters; a string property holds at most {MaxStringChars} (64 KiB). Split it.", nameof(entity));
            }

            if (value is BinaryData b && b.ToMemory().Length > MaxBinaryBytes)
            {
                throw new ArgumentException($"Property '{name}' of the {where} has {b.ToMemory().Length} bytes; a binary property holds at most {MaxBinaryBytes}.", nameof(entity));
            }
        }

        var size = EntityJson.EstimatedSize(entity);
        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The {where} is about {size} bytes; an entity holds at most {MaxEntityBytes} (1 MiB).", nameof(entity));
        }
    }
}
