namespace IncidentFlows.App.Security;

/// <summary>
/// Per-team API keys, stored as SHA-256 hashes only (section <c>IncidentFlows:ApiKeys</c>). The
/// server reads them through IOptionsMonitor, so editing the keys file rotates a key without a restart.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "IncidentFlows:ApiKeys";

    public IList<ApiKeyEntry> Keys { get; init; } = [];
}

/// <summary>One key: a name for logs and the timeline, its team, and the hex SHA-256 of the key.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    public string Team { get; set; } = "";

    public string Sha256 { get; set; } = "";
}
