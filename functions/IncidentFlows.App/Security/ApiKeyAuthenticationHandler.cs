using System.Security.Claims;
using System.Text.Encodings.Web;
using IncidentFlows.App.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Security;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> (or <c>X-Api-Key: &lt;key&gt;</c>) against the hashed keys,
/// re-read on every request so a rotated key takes effect at once. A key acts as a service principal of its
/// team with its scopes' role; a key of another team than the server's is refused. A 401 says how to authenticate
/// (<c>WWW-Authenticate</c>) and why the credential was refused.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys,
    IOptions<IncidentFlowsOptions> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string FailureItem = "IncidentFlows.AuthenticationFailure";

    /// <summary>Why a presented credential was refused, for the 401 answer; null when none was presented or it was fine.</summary>
    public static string? Failure(Microsoft.AspNetCore.Http.HttpContext http) => http?.Items[FailureItem] as string;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (ApiKeys.Find(keys.CurrentValue.Keys, presented) is not { } entry)
        {
            return Refuse("The API key is not valid.");
        }

        var team = settings.Value.Team.Id;
        if (team.Length > 0 && !string.Equals(entry.Team, team, StringComparison.Ordinal))
        {
            LogOtherTeam(entry.Name, entry.Team, team);
            return Refuse($"The API key '{entry.Name}' belongs to team '{entry.Team}'; this server serves team '{team}'.");
        }

        if (entry.Role is not { } role)
        {
            return Refuse($"The API key '{entry.Name}' has a scope that is not read, respond or administer.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "apikey:" + entry.Name),
                new Claim(ClaimTypes.Name, entry.Name),
                new Claim(TeamClaims.Team, entry.Team),
                new Claim(TeamClaims.ServicePrincipal, "true"),
                new Claim(ClaimTypes.Role, AccessRoles.ClaimValue(role)),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", Failure(Context) is { } failure
            ? $"{SchemeName} realm=\"IncidentFlows\", error=\"invalid_token\", error_description=\"{failure.Replace("\"", "'", StringComparison.Ordinal)}\""
            : $"{SchemeName} realm=\"IncidentFlows\"");
        if (settings.Value.Entra is { TenantId.Length: > 0, Audience.Length: > 0 })
        {
            Response.Headers.Append("WWW-Authenticate", "Bearer realm=\"IncidentFlows\"");
        }

        return Task.CompletedTask;
    }

    private Task<AuthenticateResult> Refuse(string message)
    {
        Context.Items[FailureItem] = message;
        return Task.FromResult(AuthenticateResult.Fail(message));
    }

    private string? PresentedKey()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[(SchemeName.Length + 1)..].Trim();
        }

        var header = Request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused API key '{Key}' of team '{KeyTeam}': this server serves team '{Team}'")]
    private partial void LogOtherTeam(string key, string keyTeam, string team);
}
