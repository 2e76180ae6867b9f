using Azure;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// A request the Table service refused. Carries the HTTP status, the service error code (for example
/// <c>EntityAlreadyExists</c>, <c>UpdateConditionNotSatisfied</c>) and, inside a transaction, the index of
/// the operation that failed. Catch the subclasses for the cases callers act on.
/// </summary>
public class TableRequestException : RequestFailedException
{
    public TableRequestException(int status, string message, string? errorCode, int? failedOperationIndex = null, Exception? innerException = null)
        : base(status, message, errorCode, innerException) => FailedOperationIndex = failedOperationIndex;

    /// <summary>In an entity-group transaction, the zero-based index of the operation that failed.</summary>
    public int? FailedOperationIndex { get; }
}

/// <summary>409: the entity (or table) already exists.</summary>
public sealed class TableConflictException(int status, string message, string? errorCode, int? failedOperationIndex = null)
    : TableRequestException(status, message, errorCode, failedOperationIndex);

/// <summary>412: the <c>If-Match</c> ETag no longer matches (someone else changed or deleted the entity).</summary>
public sealed class TablePreconditionFailedException(int status, string message, string? errorCode, int? failedOperationIndex = null)
    : TableRequestException(status, message, errorCode, failedOperationIndex);

/// <summary>404: the entity or the table does not exist.</summary>
public sealed class TableNotFoundException(int status, string message, string? errorCode, int? failedOperationIndex = null)
    : TableRequestException(status, message, errorCode, failedOperationIndex);

/// <summary>429 or 503 ServerBusy after the pipeline's retries were exhausted.</summary>
public sealed class TableThrottledException(int status, string message, string? errorCode, int? failedOperationIndex = null)
    : TableRequestException(status, message, errorCode, failedOperationIndex);

/// <summary>The service could not be reached at all (connection refused, DNS, timeouts) after the pipeline's retries.</summary>
public sealed class TableUnavailableException(string message, Exception innerException)
    : TableRequestException(0, message, "ServiceUnavailable", null, innerException);
