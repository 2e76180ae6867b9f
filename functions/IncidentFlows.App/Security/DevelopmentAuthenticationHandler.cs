using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Security;

/// <summary>
/// Development mode only (<c>IncidentFlows:DevelopmentMode=true</c>, off by default, logged loudly at
/// start, and only on loopback in the Development environment): a request without credentials acts as a local
/// developer, a service principal with every role, so it may act on behalf of anyone. Presented credentials are still checked.
/// </summary>
public sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "developer"),
                new Claim(ClaimTypes.Name, "Local developer"),
                new Claim(TeamClaims.ServicePrincipal, "true"),
                new Claim(ClaimTypes.Role, AccessRoles.ClaimValue(AccessRole.Administer)),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
