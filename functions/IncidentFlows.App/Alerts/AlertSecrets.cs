using IncidentFlows.App.Security;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// Azure Monitor action groups cannot send headers, so that source authenticates with a secret in the
/// URL (<c>?secret=</c>). Only SHA-256 hashes are configured (<c>IncidentFlows:Alerts:Secrets</c>, several
/// at once so a secret rotates without a gap), re-read on change like the API keys.
/// </summary>
public sealed class AlertSecretOptions
{
    public const string Section = "IncidentFlows:Alerts";

    public IList<AlertSecret> Secrets { get; init; } = [];
}

public sealed class AlertSecret
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";
}

/// <summary>Checks a presented source secret against the configured hashes.</summary>
public sealed class AlertSecrets(IOptionsMonitor<AlertSecretOptions> options)
{
    public bool IsKnown(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        var hash = ApiKeys.Hash(secret);
        return options.CurrentValue.Secrets.Any(s => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(s.Sha256.ToLowerInvariant()), System.Text.Encoding.ASCII.GetBytes(hash.ToLowerInvariant())));
    }
}
