using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Teams.Inbound;

/// <summary>
/// Development mode only (<c>IncidentFlows:DevelopmentMode=true</c>, off by default): the Agents
/// Playground sends activities without a token, and this scheme lets exactly those in, each one logged
/// as a warning. A request that presents a token is left to the Bot Framework scheme, which judges it.
/// </summary>
public sealed partial class BotDevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.Count > 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        LogUnauthenticated(Logger);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "Agents Playground")], BotAuthentication.DevelopmentScheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), BotAuthentication.DevelopmentScheme)));
    }

    /// <summary>The Bot Framework scheme has answered the challenge already (a 401 with its problem body).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT MODE: accepted a bot activity without a Bot Connector token")]
    private static partial void LogUnauthenticated(ILogger log);
}
