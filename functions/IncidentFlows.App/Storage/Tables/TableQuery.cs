namespace IncidentFlows.App.Storage.Tables;

/// <summary>A query: optional filter, projection and page size (the service caps a page at 1,000 rows).</summary>
public sealed record TableQuery(TableFilter? Filter = null, IReadOnlyList<string>? Select = null, int? Top = null)
{
    internal void Validate()
    {
        if (Top is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Top), Top, "$top must be between 1 and 1000.");
        }

        foreach (var name in Select ?? [])
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp"))
            {
                EntityJson.ValidatePropertyName(name);
            }
        }
    }
}

/// <summary>One page of query results and the opaque token for the next page (null when there is none).</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, string? ContinuationToken);
