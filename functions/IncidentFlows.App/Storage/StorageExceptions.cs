namespace IncidentFlows.App.Storage;

/// <summary>
/// Another writer committed first (or the expected version is ahead of the store): nothing was written.
/// Reload the incident and decide again.
/// </summary>
public sealed class ConcurrencyConflictException(string incidentId, long expectedVersion, Exception innerException)
    : Exception($"Incident {incidentId} is no longer at version {expectedVersion}: another writer committed first. Reload and retry.", innerException)
{
    public string IncidentId { get; } = incidentId;

    public long ExpectedVersion { get; } = expectedVersion;
}

/// <summary>An event contract (type name + schema version) this build does not know; refused rather than skipped.</summary>
public sealed class UnknownEventTypeException(string type, int schemaVersion)
    : Exception($"Unknown event contract '{type}' v{schemaVersion}: this build cannot read or write it. Upgrade, or register the contract.")
{
    public string Type { get; } = type;

    public int SchemaVersion { get; } = schemaVersion;
}

/// <summary>A payload that cannot fit the service limits even when split; nothing was written.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>
/// Table Storage could not be reached at all (connection refused, DNS, timeouts) after the client's retries.
/// A <see cref="Azure.RequestFailedException"/> with status 0, so callers that ride out storage failures keep doing so.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception innerException)
    : Azure.RequestFailedException(0, message, "ServiceUnavailable", innerException);
