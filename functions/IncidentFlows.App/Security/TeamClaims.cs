namespace IncidentFlows.App.Security;

/// <summary>Claim types IncidentFlows adds to a caller's identity.</summary>
public static class TeamClaims
{
    /// <summary>The team an API key (or the development identity) acts for.</summary>
    public const string Team = "incidentflows/team";
}
