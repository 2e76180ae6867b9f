using System.Security.Claims;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Api;

/// <summary>
/// The incident HTTP API (DESIGN.md §3). Handlers live here, in the App layer, so the standalone
/// server and the Azure Functions host serve exactly the same API.
/// </summary>
public static class IncidentEndpoints
{
    public const string ApiPolicy = "IncidentFlowsApi";

    /// <summary>
    /// The command endpoints, <c>POST /api/incidents/{id}/{action}</c>: how each reads its body into a
    /// command. Both hosts route through this table, so they accept exactly the same commands.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<string, HttpContext, IIncidentCommands, Task<IResult>>> Commands { get; } =
        new Dictionary<string, Func<string, HttpContext, IIncidentCommands, Task<IResult>>>(StringComparer.Ordinal)
        {
            ["acknowledge"] = (id, http, h) => RunAsync<ActorBody>(id, http, h, (b, u) => new C.Acknowledge(Callers.Actor(u, b.By)), new ActorBody()),
            ["join"] = (id, http, h) => RunAsync<ActorBody>(id, http, h, (b, u) => new C.Join(Callers.Actor(u, b.By)), new ActorBody()),
            ["status"] = (id, http, h) => RunAsync<StatusBody>(id, http, h, CommandBodies.Status),
            ["severity"] = (id, http, h) => RunAsync<SeverityBody>(id, http, h, CommandBodies.Severity),
            ["roles"] = (id, http, h) => RunAsync<RoleBody>(id, http, h, CommandBodies.Role),
            ["updates"] = (id, http, h) => RunAsync<TextBody>(id, http, h, (b, u) => new C.PostUpdate(b.Text ?? "", Callers.Actor(u, b.By), IdempotencyKey(http))),
            ["notes"] = (id, http, h) => RunAsync<TextBody>(id, http, h, (b, u) => new C.AddNote(b.Text ?? "", Callers.Actor(u, b.By), IdempotencyKey(http))),
            ["resolve"] = (id, http, h) => RunAsync<ResolveBody>(id, http, h, (b, u) => new C.Resolve(Callers.Actor(u, b.By), b.Summary), new ResolveBody()),
            ["close"] = (id, http, h) => RunAsync<ActorBody>(id, http, h, (b, u) => new C.Close(Callers.Actor(u, b.By)), new ActorBody()),
            ["reopen"] = (id, http, h) => RunAsync<ReopenBody>(id, http, h, (b, u) => new C.Reopen(Callers.Actor(u, b.By), b.Reason ?? "")),
            ["actions"] = (id, http, h) => RunAsync<ActionItemBody>(id, http, h, (b, u) => CommandBodies.ActionItem(b, u, IdempotencyKey(http), number: null)),
        };

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/incidents").RequireAuthorization(ApiPolicy);
        api.MapPost("", DeclareAsync);
        api.MapGet("", ListAsync);
        api.MapGet("/{id}", GetAsync);
        foreach (var (action, run) in Commands)
        {
            api.MapPost($"/{{id}}/{action}", (string id, HttpContext http, IIncidentCommands h) => run(id, http, h));
        }

        api.MapPost("/{id}/actions/{number:int}", UpdateActionItemAsync);
        return routes;
    }

    /// <summary>POST /api/incidents/{id}/{action} for any action in <see cref="Commands"/>; 404 for any other.</summary>
    public static Task<IResult> CommandAsync(string action, string id, HttpContext http, IIncidentCommands commands) =>
        Commands.TryGetValue(action, out var run)
            ? run(id, http, commands)
            : Task.FromResult(ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", $"There is no incident command '{action}'.", "route.not_found"));

    /// <summary>POST /api/incidents/{id}/actions/{number}: replaces an action item's details.</summary>
    public static Task<IResult> UpdateActionItemAsync(string id, int number, HttpContext http, IIncidentCommands commands) =>
        RunAsync<ActionItemBody>(id, http, commands, (b, u) => CommandBodies.ActionItem(b, u, key: null, number));

    public static async Task<IResult> DeclareAsync(HttpContext http, IncidentDeclarations declarations)
    {
        var (body, problem) = await JsonBody.ReadAsync<DeclareBody>(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var parsed = CommandBodies.Declare(body!, http.User);
        if (parsed.Problem is { } p)
        {
            return ApiProblems.Invalid(p.Field, p.Message);
        }

        var key = IdempotencyKey(http) ?? NullIfBlank(body!.DedupKey);
        if (key is { Length: > 256 })
        {
            return ApiProblems.Invalid("dedupKey", "An idempotency key is at most 256 characters.");
        }

        var result = await declarations.DeclareAsync((C.Declare)parsed.Command!, key, http.RequestAborted);
        if (result.Decision.Error is { } error)
        {
            return ApiProblems.From(error);
        }

        var view = IncidentView.Of(result.State!);
        return Results.Accepted($"/api/incidents/{Uri.EscapeDataString(view.Id)}", view);
    }

    public static async Task<IResult> ListAsync(HttpContext http, IIncidentIndex index, ITeamContextSource team, string? status, int? pageSize, string? continuationToken)
    {
        if (status is not null && IncidentStatuses.Parse(status) is null)
        {
            return ApiProblems.Invalid("status", $"'{status}' is not a status.");
        }

        if (pageSize is < 1 or > 200)
        {
            return ApiProblems.Invalid("pageSize", "pageSize is 1 to 200.");
        }

        if (continuationToken is not null && !PageTokens.IsWellFormed(continuationToken))
        {
            return ApiProblems.Invalid("continuationToken", "continuationToken is not one this API issued; pass back the value of a previous page.");
        }

        var page = await index.ListByTeamAsync(team.Current.TeamId, status?.Trim().ToLowerInvariant(), pageSize ?? 50, continuationToken, http.RequestAborted);
        return Results.Ok(new { items = page.Items, continuationToken = page.ContinuationToken });
    }

    public static async Task<IResult> GetAsync(string id, HttpContext http, IncidentRepository incidents)
    {
        if (!IncidentIds.IsWellFormed(id))
        {
            return ApiProblems.NotFound(id);
        }

        var (state, _) = await incidents.LoadAsync(new IncidentId(id), http.RequestAborted);
        return state is null ? ApiProblems.NotFound(id) : Results.Ok(IncidentView.Of(state));
    }

    private static async Task<IResult> RunAsync<TBody>(
        string id, HttpContext http, IIncidentCommands handler, Func<TBody, ClaimsPrincipal, Parsed> parse, TBody? whenEmpty = null)
        where TBody : class
    {
        if (!IncidentIds.IsWellFormed(id))
        {
            return ApiProblems.NotFound(id);
        }

        TBody body;
        if (whenEmpty is not null && http.Request.ContentLength is null or 0 && !http.Request.HasJsonContentType())
        {
            body = whenEmpty;
        }
        else
        {
            var (read, problem) = await JsonBody.ReadAsync<TBody>(http.Request, http.RequestAborted);
            if (problem is not null)
            {
                return problem;
            }

            body = read!;
        }

        var parsed = parse(body, http.User);
        if (parsed.Problem is { } p)
        {
            return ApiProblems.Invalid(p.Field, p.Message);
        }

        var result = await handler.HandleAsync(new IncidentId(id), parsed.Command!, http.RequestAborted);
        return result.Decision.Error switch
        {
            { Code: "incident.not_found" } => ApiProblems.NotFound(id),
            { } error => ApiProblems.From(error),
            null => Results.Ok(IncidentView.Of(result.State!)),
        };
    }

    private static string? IdempotencyKey(HttpContext http) => NullIfBlank(http.Request.Headers["Idempotency-Key"].ToString());

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
