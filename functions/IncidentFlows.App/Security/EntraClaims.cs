using System.Security.Claims;

namespace IncidentFlows.App.Security;

/// <summary>
/// An Entra ID token's claims (read unmapped) as the ones every IncidentFlows caller has: the object id
/// as the name identifier, the display name, and for an app-only token (no <c>scp</c>) the service-principal mark.
/// App roles stay in <c>roles</c>, which <see cref="AccessRoles"/> reads.
/// </summary>
public static class EntraClaims
{
    public static void Normalize(ClaimsPrincipal? principal, bool bearer)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var id = identity.FindFirst("oid")?.Value ?? identity.FindFirst("sub")?.Value;
        var appOnly = bearer && identity.FindFirst("scp") is null;
        var app = identity.FindFirst("azp")?.Value ?? identity.FindFirst("appid")?.Value;
        var name = identity.FindFirst("name")?.Value ?? identity.FindFirst("preferred_username")?.Value
            ?? identity.FindFirst("app_displayname")?.Value ?? (appOnly && app is not null ? "application " + app : id);
        if (id is not null && identity.FindFirst(ClaimTypes.NameIdentifier) is null)
        {
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        }

        if (name is not null && identity.FindFirst(ClaimTypes.Name) is null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Name, name));
        }

        if (appOnly)
        {
            identity.AddClaim(new Claim(TeamClaims.ServicePrincipal, "true"));
        }
    }
}
