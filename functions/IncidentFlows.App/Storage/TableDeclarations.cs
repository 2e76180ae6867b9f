using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// <see cref="IDeclarations"/> in the Declarations table, partition = team: a counter row ("number",
/// advanced under its ETag, with jittered back-off when declares collide) and one row per idempotency key ("key|" + SHA-256 of the key, so any
/// client string is a valid row key), inserted only if absent.
/// </summary>
public sealed class TableDeclarations(TableClient table) : IDeclarations
{
    private const string CounterKey = "number";
    private const int MaxAttempts = 100;

    public async Task<long> NextNumberAsync(string team, CancellationToken ct = default)
    {
        var partition = TableKeys.Encode(team);
        for (var attempt = 1; ; attempt++)
        {
            var counter = await table.FindAsync(partition, CounterKey, ct);
            var next = (counter?.GetInt64("Last") ?? 0) + 1;
            var row = new TableEntity(partition, CounterKey) { ["Last"] = next };
            try
            {
                _ = counter is null ? await table.AddCheckedAsync(row, ct) : await table.ReplaceCheckedAsync(row, counter.ETag, ct);
                return next;
            }
            catch (RequestFailedException e) when ((e.IsConflict() || e.IsStale()) && attempt < MaxAttempts)
            {
                // Another declare took this number. Back off a little, at random, so an alert storm's
                // parallel declares do not keep colliding in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(2 << Math.Min(attempt, 6), 100))), ct);
            }
        }
    }

    public async Task<string> ClaimAsync(string team, string key, string incidentId, CancellationToken ct = default)
    {
        var partition = TableKeys.Encode(team);
        try
        {
            await table.AddCheckedAsync(new TableEntity(partition, KeyRow(key)) { ["IncidentId"] = incidentId }, ct);
            return incidentId;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return await FindAsync(team, key, ct) ?? throw new InvalidOperationException($"Idempotency key of team {team} vanished while claimed.");
        }
    }

    public async Task<string?> FindAsync(string team, string key, CancellationToken ct = default) =>
        (await table.FindAsync(TableKeys.Encode(team), KeyRow(key), ct))?.GetString("IncidentId");

    private static string KeyRow(string key) => "key|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
