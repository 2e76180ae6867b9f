using IncidentFlows.App.Api;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Teams.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Connector's door, behind the <see cref="BotAuthentication.Policy"/>
/// policy (a Bot Connector token; in development mode also the Agents Playground's unsigned activities).
/// Then the activity must be well formed (<see cref="ActivityReader"/>, a 4xx naming the field) and
/// admitted (<see cref="ActivityAdmission"/>) before anything is recorded or answered. Not the API's
/// authentication: this endpoint has its own.
/// </summary>
public static partial class BotEndpoint
{
    public const string Route = "/api/messages";

    public static IEndpointRouteBuilder MapBotEndpoint(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.ServiceProvider.GetService<BotActivityHandler>() is { } handler)
        {
            routes.MapPost(Route, (Func<HttpContext, Task<IResult>>)(http => AnswerAsync(http, handler))).RequireAuthorization(BotAuthentication.Policy);
        }
        else
        {
            routes.MapPost(Route, NotConfigured).AllowAnonymous();
        }

        return routes;
    }

    /// <summary>
    /// For hosts without ASP.NET Core's authorization middleware on the route (Azure Functions): the same
    /// policy evaluated here, then the same answer. The Functions host passes a handler whose commands go
    /// to the incidents' orchestrations (<see cref="ForCommands"/>).
    /// </summary>
    public static Task<IResult> RespondAsync(HttpContext http, BotActivityHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(http);
        return handler is null
            ? Task.FromResult(NotConfigured())
            : ApiAuthorization.RunUnderPolicyAsync(http, BotAuthentication.Policy, h => AnswerAsync(h, handler));
    }

    /// <summary>The bot's handler with its commands sent through <paramref name="commands"/> instead of the registered ones.</summary>
    public static BotActivityHandler? ForCommands(IServiceProvider services, IIncidentCommands commands, IncidentDeclarations declarations)
    {
        if (services.GetService<BotActivityHandler>() is null)
        {
            return null; // Teams is not configured
        }

        var text = ActivatorUtilities.CreateInstance<BotTextRequests>(services, commands, declarations);
        var cards = ActivatorUtilities.CreateInstance<BotCardActions>(services, commands, declarations);
        return ActivatorUtilities.CreateInstance<BotActivityHandler>(services, text, cards);
    }

    /// <summary>An authenticated request: read, admit, answer.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, BotActivityHandler handler)
    {
        var (activity, problem) = await ActivityReader.ReadAsync(http.Request);
        if (activity is null)
        {
            return problem!;
        }

        var teams = http.RequestServices.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (ActivityAdmission.Check(http.User, activity, teams) is { } refusal)
        {
            LogRefused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint)), refusal.Code, refusal.Detail);
            return ApiProblems.Problem(refusal.Status, refusal.Status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden", refusal.Detail, refusal.Code);
        }

        return await handler.HandleAsync(activity, http.RequestAborted) switch
        {
            BotResponse.Invoke invoke => Results.Json(invoke.Body, statusCode: StatusCodes.Status200OK),
            _ => Results.Ok(),
        };
    }

    private static IResult NotConfigured() =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "Teams is not configured", "Set IncidentFlows:Teams:AppId to enable the bot.", "teams.not_configured");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot activity refused ({Code}): {Detail}")]
    private static partial void LogRefused(ILogger log, string code, string detail);
}
