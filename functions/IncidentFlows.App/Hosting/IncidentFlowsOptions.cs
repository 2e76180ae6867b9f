namespace IncidentFlows.App.Hosting;

/// <summary>
/// Every setting both hosts read, under <c>IncidentFlows:</c> (in app settings: <c>IncidentFlows__Storage__TableEndpoint</c>).
/// local.settings.sample.json and infra/ write exactly these names.
/// </summary>
public sealed class IncidentFlowsOptions
{
    public const string Section = "IncidentFlows";

    public StorageOptions Storage { get; set; } = new();

    public TeamOptions Team { get; set; } = new();

    public EntraOptions Entra { get; set; } = new();

    /// <summary>The Teams bot and Graph; when its AppId is empty, effects are logged to the console instead.</summary>
    public Teams.TeamsOptions Teams { get; set; } = new();

    /// <summary>
    /// Local development only: requests without credentials act as a local developer and the bot
    /// endpoint accepts the Agents Playground without a token. Off by default; logged at start.
    /// </summary>
    public bool DevelopmentMode { get; set; }
}

public sealed class StorageOptions
{
    /// <summary>A storage connection string (Azurite, or an account key). Leave empty to use managed identity.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's table endpoint for managed identity, e.g. https://acct.table.core.windows.net.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>The client id of the user-assigned managed identity (empty: system-assigned or developer credentials).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefixes every table name (letters and digits), so several instances or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "";
}

public sealed class TeamOptions
{
    /// <summary>The team this deployment serves; its configuration document is stored under this id.</summary>
    public string Id { get; set; } = "";

    /// <summary>A team configuration file (docs/oncall-config.md) to validate and load into storage at start.</summary>
    public string? ConfigFile { get; set; }
}

/// <summary>Entra ID bearer tokens for the API (optional; API keys work without it).</summary>
public sealed class EntraOptions
{
    public string? TenantId { get; set; }

    /// <summary>The API's application id URI or client id that tokens must be issued for.</summary>
    public string? Audience { get; set; }
}
