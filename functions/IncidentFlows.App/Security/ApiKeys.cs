using System.Security.Cryptography;
using System.Text;

namespace IncidentFlows.App.Security;

/// <summary>Creating and checking API keys. Keys are random 32-byte secrets; only their hashes are stored.</summary>
public static class ApiKeys
{
    public const string Prefix = "ifk_";

    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The entry whose hash matches, compared in constant time; null when none does.</summary>
    public static ApiKeyEntry? Find(IEnumerable<ApiKeyEntry> entries, string presentedKey)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        ApiKeyEntry? match = null;
        foreach (var entry in entries)
        {
            if (entry.Sha256.Length == 64 && CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(entry.Sha256)))
            {
                match = entry;
            }
        }

        return match;
    }
}
