using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace IncidentFlows.App.Storage;

/// <summary>
/// <see cref="IRequestFingerprints"/> in the Declarations table beside the declare keys, partition = team, one row per
/// key ("body|" + SHA-256 of the key, so any client string is a valid row key), inserted only if absent.
/// </summary>
public sealed class TableRequestFingerprints(TableClient table) : IRequestFingerprints
{
    public async Task<string?> FindAsync(string team, string key, CancellationToken ct = default) =>
        (await table.FindAsync(TableKeys.Encode(team), Row(key), ct))?.GetString("Fingerprint");

    public async Task<string> RememberAsync(string team, string key, string fingerprint, CancellationToken ct = default)
    {
        try
        {
            await table.AddCheckedAsync(new TableEntity(TableKeys.Encode(team), Row(key)) { ["Fingerprint"] = fingerprint }, ct);
            return fingerprint;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return await FindAsync(team, key, ct) ?? fingerprint;
        }
    }

    private static string Row(string key) => "body|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
