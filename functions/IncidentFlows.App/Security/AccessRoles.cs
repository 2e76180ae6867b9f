using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Security;

/// <summary>
/// The three things a caller may be allowed to do, each including the ones before it: read incidents and
/// on-call; respond (declare, acknowledge, any command on an incident, send alerts); administer (replace the
/// on-call configuration). Entra app roles and API-key scopes name the same three (docs/api.md).
/// </summary>
public enum AccessRole
{
    Read = 1,
    Respond = 2,
    Administer = 3,
}

public static class AccessRoles
{
    /// <summary>The claim value of a role: the Entra app role's value, and what an API key's scope becomes.</summary>
    public static string ClaimValue(AccessRole role) => "IncidentFlows." + role;

    /// <summary>A scope or role as written in apikeys.json or an Entra app role (read or IncidentFlows.Read, …), or null.</summary>
    public static AccessRole? ParseScope(string? scope) => scope?.Trim().ToLowerInvariant() switch
    {
        "read" or "incidentflows.read" => AccessRole.Read,
        "respond" or "incidentflows.respond" => AccessRole.Respond,
        "administer" or "admin" or "incidentflows.administer" => AccessRole.Administer,
        _ => null,
    };

    /// <summary>The highest role the caller holds (role claims, or Entra's raw <c>roles</c> claim); null when none.</summary>
    public static AccessRole? Highest(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Claims.Where(c => c.Type is ClaimTypes.Role or "roles").Select(c => ParseScope(c.Value)).Max();
    }

    /// <summary>
    /// What a request needs: replacing the on-call configuration needs Administer; any other change
    /// (every POST) needs Respond; reading (GET, HEAD), and making or revoking a calendar link, needs Read.
    /// </summary>
    public static AccessRole Required(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return AccessRole.Read;
        }

        if (request.Path.StartsWithSegments(Api.CalendarLinkEndpoints.LinksPath, StringComparison.OrdinalIgnoreCase))
        {
            return AccessRole.Read; // a link to read one's own calendar, which Read sees anyway
        }

        return request.Path.StartsWithSegments("/api/oncall/configuration", StringComparison.OrdinalIgnoreCase)
            ? AccessRole.Administer
            : AccessRole.Respond;
    }
}
