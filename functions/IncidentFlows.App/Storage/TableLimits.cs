using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The service's limits, checked before sending. Azure.Data.Tables does not check them and Azurite does not
/// enforce them (a 101-operation or mixed-partition transaction "works" locally and fails in Azure), so without
/// this a bug would surface only in production. Sizes follow the service's own formula for an entity:
/// 4 + 2·(|PartitionKey| + |RowKey|) + Σ (8 + 2·|name| + value size), strings at 2 bytes per UTF-16 character.
/// </summary>
internal static class TableLimits
{
    public const long MaxEntityBytes = 1024 * 1024;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxTransactionOperations = 100;
    public const long MaxTransactionBytes = 4L * 1024 * 1024;

    /// <summary>Room per operation for the multipart framing and JSON punctuation around each entity.</summary>
    private const int OperationOverheadBytes = 1024;

    public static void CheckEntity(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var where = $"entity {entity.PartitionKey}/{entity.RowKey}";
        if (entity is not TableEntity properties)
        {
            return;
        }

        var custom = properties.Keys.Count(k => !IsSystemProperty(k));
        if (custom > MaxCustomProperties)
        {
            throw new PayloadTooLargeException($"The {where} has {custom} properties; the service allows {MaxCustomProperties}. Nothing was written.");
        }

        foreach (var (name, value) in properties)
        {
            if (value is string s && s.Length > MaxStringChars)
            {
                throw new PayloadTooLargeException($"Property '{name}' of the {where} has {s.Length:N0} characters; a string property holds at most {MaxStringChars:N0} (64 KiB). Nothing was written.");
            }

            if (value is byte[] or BinaryData && BinaryLength(value) > MaxBinaryBytes)
            {
                throw new PayloadTooLargeException($"Property '{name}' of the {where} has {BinaryLength(value):N0} bytes; a binary property holds at most {MaxBinaryBytes:N0} (64 KiB). Nothing was written.");
            }
        }

        var size = EstimatedBytes(entity);
        if (size > MaxEntityBytes)
        {
            throw new PayloadTooLargeException($"The {where} is about {size:N0} bytes; an entity holds at most {MaxEntityBytes:N0} (1 MiB). Nothing was written.");
        }
    }

    public static void CheckTransaction(IReadOnlyCollection<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionOperations)
        {
            throw new PayloadTooLargeException($"An entity-group transaction holds 1 to {MaxTransactionOperations} operations; got {actions.Count}. Nothing was written.");
        }

        var partitions = actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).ToList();
        if (partitions.Count > 1)
        {
            throw new ArgumentException($"An entity-group transaction addresses one partition key; got {partitions.Count} ('{partitions[0]}', '{partitions[1]}'…).", nameof(actions));
        }

        foreach (var action in actions)
        {
            CheckEntity(action.Entity);
        }

        var size = actions.Sum(a => EstimatedBytes(a.Entity) + OperationOverheadBytes);
        if (size > MaxTransactionBytes)
        {
            throw new PayloadTooLargeException($"The transaction on partition '{partitions[0]}' is about {size:N0} bytes; one transaction holds at most {MaxTransactionBytes:N0} (4 MiB). Nothing was written.");
        }
    }

    /// <summary>The entity's size by the service's formula (see the class comment).</summary>
    public static long EstimatedBytes(ITableEntity entity)
    {
        long size = 4 + (2L * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0)));
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties.Where(p => !IsSystemProperty(p.Key)))
            {
                size += 8 + (2L * name.Length) + ValueBytes(value);
            }
        }

        return size;
    }

    private static long ValueBytes(object? value) => value switch
    {
        null => 0,
        string s => 4 + (2L * s.Length),
        byte[] or BinaryData => 4 + BinaryLength(value),
        bool => 1,
        int => 4,
        Guid => 16,
        _ => 8, // long, double, DateTime, DateTimeOffset
    };

    private static long BinaryLength(object value) => value switch
    {
        byte[] bytes => bytes.Length,
        BinaryData data => data.ToMemory().Length,
        _ => 0,
    };

    private static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";
}
