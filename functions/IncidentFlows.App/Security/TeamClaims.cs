namespace IncidentFlows.App.Security;

/// <summary>Claim types IncidentFlows adds to a caller's identity.</summary>
public static class TeamClaims
{
    /// <summary>The team an API key (or the development identity) acts for.</summary>
    public const string Team = "incidentflows/team";

    /// <summary>
    /// "true" for a service principal (an API key, an app-only Entra token, the local developer): only a
    /// service principal may act on behalf of someone (<c>by</c>), and is recorded as doing so.
    /// </summary>
    public const string ServicePrincipal = "incidentflows/service";
}
