using System.Net;
using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The service refusals the stores act on, named. The SDK reports them all as <see cref="RequestFailedException"/>
/// (a transaction's as <see cref="TableTransactionFailedException"/>, which also names the failing operation).
/// </summary>
internal static class TableErrors
{
    /// <summary>409: the entity already exists (an insert lost a race).</summary>
    public static bool IsConflict(this RequestFailedException e) => e.Status == (int)HttpStatusCode.Conflict;

    /// <summary>412: the If-Match ETag no longer matches (someone else changed or deleted the entity).</summary>
    public static bool IsStale(this RequestFailedException e) => e.Status == (int)HttpStatusCode.PreconditionFailed;

    /// <summary>404: the entity (or the table) does not exist.</summary>
    public static bool IsNotFound(this RequestFailedException e) => e.Status == (int)HttpStatusCode.NotFound;

    /// <summary>409, 412 or 404: another writer got there first; re-read and decide again.</summary>
    public static bool IsLostRace(this RequestFailedException e) => e.IsConflict() || e.IsStale() || e.IsNotFound();

    /// <summary>In a transaction, the zero-based index of the operation the service refused.</summary>
    public static int? FailedOperationIndex(this RequestFailedException e) =>
        (e as TableTransactionFailedException)?.FailedTransactionActionIndex;
}
