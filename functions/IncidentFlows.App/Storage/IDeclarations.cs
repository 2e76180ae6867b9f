namespace IncidentFlows.App.Storage;

/// <summary>What declaring needs besides the incident itself: a number, and a memory of idempotency keys.</summary>
public interface IDeclarations
{
    /// <summary>The team's next incident number (1, 2, …); numbers lost to a crash leave gaps, never repeats.</summary>
    Task<long> NextNumberAsync(string team, CancellationToken ct = default);

    /// <summary>
    /// Binds <paramref name="key"/> to <paramref name="incidentId"/> unless it is bound already, and returns
    /// the incident the key is bound to: a retried declare finds the first incident.
    /// </summary>
    Task<string> ClaimAsync(string team, string key, string incidentId, CancellationToken ct = default);

    /// <summary>The incident a key is bound to, or null.</summary>
    Task<string?> FindAsync(string team, string key, CancellationToken ct = default);
}
