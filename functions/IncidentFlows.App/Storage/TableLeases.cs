using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// <see cref="ILeases"/>: one row per lease (PartitionKey "lease", RowKey = name) holding Owner and ExpiresAt.
/// Every change is conditional on the ETag read (or an insert), so of two racing processes exactly one wins;
/// the token handed out is that ETag.
/// </summary>
public sealed class TableLeases(TableClient leases, TimeProvider clock) : ILeases
{
    private const string Partition = "lease";

    public async Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var key = TableKeys.Encode(name);
        var now = clock.GetUtcNow();
        var row = new TableEntity(Partition, key) { ["Owner"] = owner, ["ExpiresAt"] = now + duration };
        var current = await leases.FindAsync(Partition, key, ct);
        try
        {
            if (current is null)
            {
                return ToLease(name, row, await leases.AddCheckedAsync(row, ct));
            }

            var heldByOther = current.GetString("Owner") != owner && current.GetDateTimeOffset("ExpiresAt") > now;
            return heldByOther ? null : ToLease(name, row, await leases.ReplaceCheckedAsync(row, current.ETag, ct));
        }
        catch (RequestFailedException e) when (e.IsLostRace())
        {
            return null;
        }
    }

    public async Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var row = new TableEntity(Partition, TableKeys.Encode(lease.Name)) { ["Owner"] = lease.Owner, ["ExpiresAt"] = clock.GetUtcNow() + duration };
        try
        {
            return ToLease(lease.Name, row, await leases.ReplaceCheckedAsync(row, new ETag(lease.Token), ct));
        }
        catch (RequestFailedException e) when (e.IsStale() || e.IsNotFound())
        {
            return null;
        }
    }

    public async Task ReleaseAsync(Lease lease, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await leases.DeleteEntityAsync(Partition, TableKeys.Encode(lease.Name), new ETag(lease.Token), ct);
        }
        catch (RequestFailedException e) when (e.IsStale() || e.IsNotFound())
        {
            // Lost already (expired and taken over, or released twice): nothing of ours to release.
        }
    }

    private static Lease ToLease(string name, TableEntity row, Response written) =>
        new(name, row.GetString("Owner")!, row.GetDateTimeOffset("ExpiresAt")!.Value,
            written.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"Lease '{name}' was written but the service returned no ETag to hold it by."));
}
