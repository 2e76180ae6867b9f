using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// Operations on one table. Writes return the new ETag. Conditional writes take an <see cref="ETag"/>
/// (<see cref="ETag.All"/> means "must exist"). Failures throw <see cref="TableRequestException"/> subclasses.
/// </summary>
public sealed class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly TableRequests _requests;

    internal TableClient(TableServiceClient service, string name)
    {
        _requests = new TableRequests(service);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Creates the table; returns false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = _requests.Create(RequestMethod.Post, "Tables");
        TableRequests.SetJson(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _requests.SendAsync(message, $"Create table {Name}", ct, 201, 204, 409);
        return response.Status != 409;
    }

    /// <summary>Deletes the table; returns false when it did not exist.</summary>
    public async Task<bool> DeleteTableAsync(CancellationToken ct = default)
    {
        using var message = _requests.Create(RequestMethod.Delete, $"Tables('{Name}')");
        var response = await _requests.SendAsync(message, $"Delete table {Name}", ct, 204, 404);
        return response.Status == 204;
    }

    /// <summary>Inserts a new entity; <see cref="TableConflictException"/> when the keys exist.</summary>
    public async Task<ETag> InsertAsync(TableEntity entity, CancellationToken ct = default)
    {
        EntityLimits.Check(entity);
        using var message = _requests.Create(RequestMethod.Post, Name);
        TableRequests.SetJson(message, EntityJson.Serialize(entity));
        var response = await _requests.SendAsync(message, $"Insert {Describe(entity)}", ct, 201, 204);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Inserts or replaces/merges unconditionally.</summary>
    public Task<ETag> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default) =>
        WriteAsync(entity, mode, null, "Upsert", ct);

    /// <summary>Updates an existing entity if its ETag still matches; <see cref="TablePreconditionFailedException"/> otherwise.</summary>
    public Task<ETag> UpdateAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs an ETag (ETag.All to only require existence).", nameof(ifMatch));
        }

        return WriteAsync(entity, mode, ifMatch, "Update", ct);
    }

    private async Task<ETag> WriteAsync(TableEntity entity, TableUpdateMode mode, ETag? ifMatch, string verb, CancellationToken ct)
    {
        EntityLimits.Check(entity);
        var method = mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put;
        using var message = _requests.Create(method, TableRequests.EntityPath(Name, entity.PartitionKey, entity.RowKey), ifMatch);
        TableRequests.SetJson(message, EntityJson.Serialize(entity));
        var response = await _requests.SendAsync(message, $"{verb} {Describe(entity)}", ct, 204);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Deletes if the ETag matches (<see cref="ETag.All"/>: any version). 404 and 412 throw.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken ct = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var etag = ifMatch == default ? ETag.All : ifMatch;
        using var message = _requests.Create(RequestMethod.Delete, TableRequests.EntityPath(Name, partitionKey, rowKey), etag);
        await _requests.SendAsync(message, $"Delete {Name}/{partitionKey}/{rowKey}", ct, 204);
    }

    /// <summary>Point read; null when the entity does not exist.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken ct = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        using var message = _requests.Create(RequestMethod.Get, TableRequests.EntityPath(Name, partitionKey, rowKey));
        var response = await _requests.SendAsync(message, $"Get {Name}/{partitionKey}/{rowKey}", ct, 200, 404);
        if (response.Status == 404)
        {
            var tableMissing = response.Content.ToString().Contains("TableNotFound", StringComparison.Ordinal);
            return tableMissing ? throw TableErrors.FromResponse(response, $"Get {Name}/{partitionKey}/{rowKey}") : null;
        }

        using var doc = JsonDocument.Parse(response.Content);
        return EntityJson.Deserialize(doc.RootElement, response.Headers.ETag ?? default);
    }

    /// <summary>One page of a query, resuming at <paramref name="continuationToken"/> when given.</summary>
    public async Task<TablePage> QueryPageAsync(TableQuery query, string? continuationToken = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        using var message = _requests.Create(RequestMethod.Get, Name + "()");
        var uri = message.Request.Uri;
        if (query.Filter is { } filter)
        {
            uri.AppendQuery("$filter", filter.Expression, escapeValue: true);
        }

        if (query.Select is { Count: > 0 } select)
        {
            // The keys are always selected: an entity cannot exist without them.
            uri.AppendQuery("$select", string.Join(',', select.Union(["PartitionKey", "RowKey"])), escapeValue: true);
        }

        if (query.Top is { } top)
        {
            uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (continuationToken is not null)
        {
            var (nextPk, nextRk) = ContinuationToken.Decode(continuationToken);
            uri.AppendQuery("NextPartitionKey", nextPk, escapeValue: true);
            if (nextRk is not null)
            {
                uri.AppendQuery("NextRowKey", nextRk, escapeValue: true);
            }
        }

        var response = await _requests.SendAsync(message, $"Query {Name}", ct, 200);
        using var doc = JsonDocument.Parse(response.Content);
        var entities = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => EntityJson.Deserialize(e)).ToList();
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
        return new TablePage(entities, ContinuationToken.Encode(nextPartition, nextRow));
    }

    /// <summary>All results of a query, following continuations.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(TableQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? token = null;
        do
        {
            var page = await QueryPageAsync(query, token, ct);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>Runs an entity-group transaction (one partition, ≤ 100 operations): all succeed or none.</summary>
    public Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct = default) =>
        TableTransaction.SubmitAsync(_requests, Name, actions, ct);

    private string Describe(TableEntity entity) => $"{Name}/{entity.PartitionKey}/{entity.RowKey}";
}
