using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IncidentFlows.App.Teams.Inbound;

/// <summary>
/// Our additions to the library's validation: a Bot Connector token must name the serviceUrl it was
/// issued for, and the channels its signing key is endorsed for become a claim, so the endpoint can
/// hold both against the activity. Any failure, including metadata that cannot be fetched, is a 401
/// with a problem body and a log line — never an exception, never the reason told to the caller.
/// </summary>
internal sealed partial class BotTokenEvents : JwtBearerEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || ServiceUrlClaim(identity) is null)
        {
            context.Fail("The token names no serviceurl.");
            return;
        }

        if (context.SecurityToken is JsonWebToken token && context.Options.ConfigurationManager is { } metadata)
        {
            var keyId = token.SigningKey?.KeyId ?? token.Kid;
            var configuration = await metadata.GetConfigurationAsync(context.HttpContext.RequestAborted);
            var published = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
            if (Endorsements(published) is { } channels)
            {
                identity.AddClaim(new Claim(BotClaims.Endorsements, string.Join(' ', channels)));
            }
        }
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var log = Log(context.HttpContext);
        if (context.Exception is SecurityTokenException)
        {
            LogRejected(log, context.Exception.GetType().Name, context.Exception.Message);
        }
        else
        {
            LogCannotValidate(log, context.Exception); // the metadata, the network: ours to fix, still the caller's 401
        }

        context.Fail(context.Exception);
        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        if (context.Response.HasStarted)
        {
            return;
        }

        if (context.AuthenticateFailure is null)
        {
            LogRejected(Log(context.HttpContext), "no bearer token", context.Request.Headers.Authorization.Count > 0 ? "not a Bearer authorization" : "no Authorization header");
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "A valid Bot Connector token is required.",
            extensions: new Dictionary<string, object?> { ["code"] = "bot.unauthorized" }).ExecuteAsync(context.HttpContext);
    }

    public static string? ServiceUrlClaim(ClaimsIdentity identity) =>
        identity.FindFirst(BotClaims.ServiceUrl)?.Value ?? identity.FindFirst("serviceUrl")?.Value;

    /// <summary>
    /// The channels a published key may sign for; null when the key lists none (such keys endorse
    /// nothing in particular and are accepted for any channel, as the Bot Framework SDK does).
    /// </summary>
    private static IReadOnlyList<string>? Endorsements(JsonWebKey? key) =>
        key is not null && key.AdditionalData.TryGetValue("endorsements", out var endorsements)
            ? endorsements switch
            {
                JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ToString())],
                string single => [single],
                System.Collections.IEnumerable list => [.. list.Cast<object?>().Select(e => e?.ToString() ?? "")],
                _ => [],
            }
            : null;

    private static ILogger Log(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotAuthentication));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot activity rejected: {Reason}: {Detail}")]
    private static partial void LogRejected(ILogger log, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot activity refused: its token could not be validated (is the Bot Framework OpenID metadata reachable?)")]
    private static partial void LogCannotValidate(ILogger log, Exception error);
}

/// <summary>The claims of a Bot Connector principal that the endpoint reads.</summary>
public static class BotClaims
{
    public const string ServiceUrl = "serviceurl";

    /// <summary>Space-separated channel ids the signing key is endorsed for; absent when the key lists none.</summary>
    public const string Endorsements = "incidentflows:endorsements";
}
