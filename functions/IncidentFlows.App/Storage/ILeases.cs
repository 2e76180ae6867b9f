namespace IncidentFlows.App.Storage;

/// <summary>
/// Named, expiring leases so two server processes never run the same timers twice. Hold a lease only while
/// renewing it well before <see cref="Lease.ExpiresAt"/>; clocks of the processes must roughly agree.
/// </summary>
public interface ILeases
{
    /// <summary>The lease when it was free, expired or already ours; null when someone else holds it.</summary>
    Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken ct = default);

    /// <summary>Extends a held lease; null when it was lost (taken over after expiry, or released).</summary>
    Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken ct = default);

    /// <summary>Gives the lease up if still held by this acquisition; harmless when it was already lost.</summary>
    Task ReleaseAsync(Lease lease, CancellationToken ct = default);
}
