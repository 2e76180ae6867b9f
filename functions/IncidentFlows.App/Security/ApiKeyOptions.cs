namespace IncidentFlows.App.Security;

/// <summary>
/// Per-team API keys, stored as SHA-256 hashes only (section <c>IncidentFlows:ApiKeys</c>). The
/// server reads them through IOptionsMonitor, so editing the keys file rotates a key without a restart.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "IncidentFlows:ApiKeys";

    public IList<ApiKeyEntry> Keys { get; } = [];
}

/// <summary>
/// One key: a name for logs and the timeline (unique: entries from several sources merge by it), its team,
/// the hex SHA-256 of the key, and its scopes (read, respond, administer; none given means respond).
/// </summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    public string Team { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public IList<string> Scopes { get; set; } = [];

    /// <summary>The highest role the scopes grant: respond when none is given; null when one is not a scope.</summary>
    public AccessRole? Role => Scopes.Count == 0 ? AccessRole.Respond
        : Scopes.Select(AccessRoles.ParseScope).ToList() is var roles && roles.Contains(null) ? null : roles.Max();
}
