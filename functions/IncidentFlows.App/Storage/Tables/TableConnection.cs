namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// Where the Table service is and how to sign for it, parsed from a storage connection string: account key
/// strings (<c>AccountName=…;AccountKey=…</c> with <c>TableEndpoint=</c> or <c>EndpointSuffix=</c>) and
/// <c>UseDevelopmentStorage=true</c> (Azurite on its default port). SAS strings are refused explicitly.
/// </summary>
public sealed record TableConnection(Uri Endpoint, string AccountName, string AccountKey)
{
    /// <summary>The well-known Azurite / storage emulator account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known Azurite / storage emulator key (public by design).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Parses a storage connection string; throws <see cref="FormatException"/> naming what is missing.</summary>
    public static TableConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Connection string segment '{segment}' is not of the form Name=Value.");
            }

            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var isDev) && isDev)
        {
            return new TableConnection(new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName), DevelopmentAccountName, DevelopmentAccountKey);
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("SAS connection strings are not supported; use an account key or a TokenCredential.");
        }

        var account = Required(parts, "AccountName");
        var key = Required(parts, "AccountKey");
        if (parts.TryGetValue("TableEndpoint", out var endpoint))
        {
            return new TableConnection(new Uri(endpoint.TrimEnd('/')), account, key);
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new TableConnection(new Uri($"{protocol}://{account}.table.{suffix}"), account, key);
    }

    private static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name} (and no TableEndpoint/UseDevelopmentStorage).");

    /// <inheritdoc />
    public override string ToString() => $"{Endpoint} (account {AccountName}, key hidden)";
}
