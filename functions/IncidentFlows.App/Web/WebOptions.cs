namespace IncidentFlows.App.Web;

/// <summary>How people sign in to the pages (<c>IncidentFlows:Web</c>); with nothing set, pages take the API's credentials only.</summary>
public sealed class WebOptions
{
    public const string Section = "IncidentFlows:Web";

    /// <summary>
    /// Azure Functions host: App Service built-in authentication (Easy Auth, configured by the Bicep) signs
    /// people in and passes the principal in <c>X-MS-CLIENT-PRINCIPAL</c>. Trust that header ONLY behind
    /// Easy Auth, which strips it from incoming requests; never turn this on for the standalone server.
    /// </summary>
    public bool AppServiceAuthentication { get; set; }

    /// <summary>Standalone server: Entra ID sign-in with OpenID Connect and a cookie session, when ClientId is set.</summary>
    public OidcOptions Oidc { get; set; } = new();
}

public sealed class OidcOptions
{
    /// <summary>https://login.microsoftonline.com/{tenant}/v2.0 (default from IncidentFlows:Entra:TenantId).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From Key Vault or user secrets, never the repository.</summary>
    public string? ClientSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
