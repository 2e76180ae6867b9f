using Azure;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>What an operation in an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    Insert,
    UpsertReplace,
    UpsertMerge,
    UpdateReplace,
    UpdateMerge,
    Delete,
}

/// <summary>
/// One operation of a transaction. Updates and deletes are conditional on <see cref="IfMatch"/>
/// (default: <see cref="ETag.All"/>, i.e. the entity must exist).
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag IfMatch = default)
{
    public static TableTransactionAction Insert(TableEntity entity) => new(TableTransactionActionType.Insert, entity);

    public static TableTransactionAction Upsert(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace, entity);

    public static TableTransactionAction Update(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Merge ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace, entity, ifMatch);

    public static TableTransactionAction Delete(string partitionKey, string rowKey, ETag ifMatch = default) =>
        new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
}
