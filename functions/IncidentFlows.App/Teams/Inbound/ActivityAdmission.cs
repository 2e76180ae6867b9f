using System.Security.Claims;
using IncidentFlows.App.Teams.Protocol;

namespace IncidentFlows.App.Teams.Inbound;

/// <summary>Why an authenticated request's activity is still refused: 401 when the token does not vouch for it, 403 when it is from elsewhere.</summary>
public sealed record AdmissionRefusal(int Status, string Code, string Detail);

/// <summary>
/// Holds an activity against the principal that brought it and the deployment's allow-lists, before
/// anything is recorded or answered: the token's serviceurl must be the activity's (so a token cannot
/// steer our replies, which carry the bot's own token, to another host), its signing key must be
/// endorsed for the activity's channel, the serviceUrl must be a Bot Connector host we trust, and the
/// tenant one we serve. Development mode's playground principal has no token to compare; it is held
/// to the allow-lists, with loopback Connectors (the playground's mock) and any tenant allowed.
/// </summary>
public static class ActivityAdmission
{
    public static AdmissionRefusal? Check(ClaimsPrincipal user, Activity activity, TeamsOptions teams)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(teams);
        var identity = user.Identities.FirstOrDefault(i => i.IsAuthenticated);
        if (identity is null)
        {
            return new(401, "bot.unauthorized", "A valid Bot Connector token is required.");
        }

        var development = identity.AuthenticationType == BotAuthentication.DevelopmentScheme;
        if (!development && TokenMismatch(identity, activity) is { } mismatch)
        {
            return new(401, "bot.token_mismatch", mismatch);
        }

        var serviceUrl = new Uri(activity.ServiceUrl!, UriKind.Absolute); // ActivityReader requires an absolute serviceUrl
        if (!Allowed(serviceUrl, teams.ServiceUrlAllowList()) && !(development && serviceUrl.IsLoopback))
        {
            return new(403, "bot.service_url_not_allowed", $"The serviceUrl {serviceUrl.GetLeftPart(UriPartial.Authority)} is not a Bot Connector this deployment trusts (IncidentFlows:Teams:AllowedServiceUrls).");
        }

        var tenants = teams.TenantAllowList();
        if (development && tenants.Count == 0)
        {
            return null;
        }

        return activity.TenantId() is { } tenant && tenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)
            ? null
            : new(403, "bot.tenant_not_allowed", $"Activities from tenant '{activity.TenantId() ?? "(none)"}' are not accepted (IncidentFlows:Teams:AllowedTenantIds).");
    }

    private static string? TokenMismatch(ClaimsIdentity identity, Activity activity)
    {
        var claimed = BotTokenEvents.ServiceUrlClaim(identity);
        if (!SameServiceUrl(claimed, activity.ServiceUrl))
        {
            return $"The token was issued for serviceUrl '{claimed}', not the activity's '{activity.ServiceUrl}'.";
        }

        var endorsed = identity.FindFirst(BotClaims.Endorsements)?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return endorsed is null || activity.ChannelId is null || endorsed.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"The token's signing key is not endorsed for channel '{activity.ChannelId}'.";
    }

    /// <summary>Same scheme and host, and the path under the allowed one (<c>https://smba.trafficmanager.net/</c> covers <c>/emea/</c>, <c>/teams/</c> …).</summary>
    private static bool Allowed(Uri serviceUrl, IReadOnlyList<Uri> allowed) =>
        allowed.Any(a =>
            string.Equals(a.Scheme, serviceUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Host, serviceUrl.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == serviceUrl.Port
            && serviceUrl.AbsolutePath.StartsWith(a.AbsolutePath, StringComparison.OrdinalIgnoreCase));

    private static bool SameServiceUrl(string? claimed, string? activity) =>
        claimed is { Length: > 0 } && activity is { Length: > 0 }
        && string.Equals(claimed.TrimEnd('/'), activity.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
