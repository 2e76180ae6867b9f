using System.Text.Json;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Connector's door. Every request must carry a valid Bot Connector
/// token (<see cref="BotTokenValidator"/>); only development mode, for the Agents Playground, lets
/// activities in without one. Not the API's authentication: this endpoint has its own.
/// </summary>
public static partial class BotEndpoint
{
    public const string Route = "/api/messages";

    public static IEndpointRouteBuilder MapBotEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, (Func<HttpContext, Task<IResult>>)HandleAsync).AllowAnonymous();
        return routes;
    }

    private static Task<IResult> HandleAsync(HttpContext http) => RespondAsync(http, http.RequestServices.GetService<BotActivityHandler>());

    /// <summary>
    /// Validates and answers one activity with <paramref name="handler"/>. The Functions host passes a
    /// handler whose commands go to the incidents' orchestrations (<see cref="ForCommands"/>).
    /// </summary>
    public static async Task<IResult> RespondAsync(HttpContext http, BotActivityHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<IncidentFlowsOptions>>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint));
        if (handler is null || services.GetService<BotTokenValidator>() is not { } validator)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Teams is not configured", "Set IncidentFlows:Teams:AppId to enable the bot.", "teams.not_configured");
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return ApiProblems.Invalid("activity", $"The body is not an activity: {e.Message}");
        }

        if (activity is null)
        {
            return ApiProblems.Invalid("activity", "The body is empty.");
        }

        if (!options.Value.DevelopmentMode)
        {
            var verdict = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString(), activity.ServiceUrl, http.RequestAborted, activity.ChannelId);
            if (!verdict.IsValid)
            {
                LogRejected(log, verdict.Reason ?? "invalid");
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "A valid Bot Connector token is required.");
            }
        }

        return await handler.HandleAsync(activity, http.RequestAborted) switch
        {
            BotResponse.Invoke invoke => Results.Json(invoke.Body, statusCode: StatusCodes.Status200OK),
            _ => Results.Ok(),
        };
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot activity rejected: {Reason}")]
    private static partial void LogRejected(ILogger log, string reason);
}
