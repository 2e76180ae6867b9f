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
    /// The command endpoints, <c>POST /api/incidents/{id}/{action}</c>: the body each reads (for the OpenAPI document)
    /// and how it turns it into a command. Both hosts route through this table, so they accept exactly the same commands.
    /// </summary>
    public static IReadOnlyDictionary<string, CommandRoute> Commands { get; } =
        new Dictionary<string, CommandRoute>(StringComparer.Ordinal)
        {
            ["acknowledge"] = Route<ActorBody>((id, http, h) => RunAsync<ActorBody>(id, http, h, (b, u) => new C.Acknowledge(Callers.Actor(u, b.By)), new ActorBody()), optional: true),
            ["join"] = Route<ActorBody>((id, http, h) => RunAsync<ActorBody>(id, http, h, (b, u) => new C.Join(Callers.Actor(u, b.By)), new ActorBody()), optional: true),
            ["status"] = Route<StatusBody>((id, http, h) => RunAsync<StatusBody>(id, http, h, CommandBodies.Status)),
            ["severity"] = Route<SeverityBody>((id, http, h) => RunAsync<SeverityBody>(id, http, h, CommandBodies.Severity)),
            ["roles"] = Route<RoleBody>((id, http, h) => RunAsync<RoleBody>(id, http, h, CommandBodies.Role)),
            ["updates"] = Route<TextBody>((id, http, h) => RunAsync<TextBody>(id, http, h, (b, u) => new C.PostUpdate(b.Text ?? "", Callers.Actor(u, b.By), IdempotencyKey(http)), keyedAs: "updates"), keyed: true),
            ["notes"] = Route<TextBody>((id, http, h) => RunAsync<TextBody>(id, http, h, (b, u) => new C.AddNote(b.Text ?? "", Callers.Actor(u, b.By), IdempotencyKey(http)), keyedAs: "notes"), keyed: true),
            ["resolve"] = Route<ResolveBody>((id, http, h) => RunAsync<ResolveBody>(id, http, h, (b, u) => new C.Resolve(Callers.Actor(u, b.By), b.Summary), new ResolveBody()), optional: true),
            ["close"] = Route<ActorBody>((id, http, h) => RunAsync<ActorBody>(id, http, h, (b, u) => new C.Close(Callers.Actor(u, b.By)), new ActorBody()), optional: true),
            ["title"] = Route<TitleBody>((id, http, h) => RunAsync<TitleBody>(id, http, h, (b, u) => new C.Retitle(b.Title ?? "", Callers.Actor(u, b.By)))),
            ["reopen"] = Route<ReopenBody>((id, http, h) => RunAsync<ReopenBody>(id, http, h, (b, u) => new C.Reopen(Callers.Actor(u, b.By), b.Reason ?? ""))),
            ["postmortem-review"] = Route<ActorBody>((id, http, h) => RunAsync<ActorBody>(id, http, h, (b, u) => new C.MarkPostmortemReviewed(Callers.Actor(u, b.By)), new ActorBody()), optional: true),
            ["actions"] = Route<ActionItemBody>((id, http, h) => RunAsync<ActionItemBody>(id, http, h, (b, u) => CommandBodies.ActionItem(b, u, IdempotencyKey(http), number: null), keyedAs: "actions"), keyed: true),
        };

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/incidents").RequireAuthorization(ApiPolicy);
        api.MapPost("", DeclareAsync).Reads<DeclareBody>().Answers<IncidentView>(StatusCodes.Status202Accepted)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        api.MapGet("", ListAsync).Answers<IncidentListPage>().Problems(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", GetAsync).Answers<IncidentView>().Problems(StatusCodes.Status404NotFound);
        foreach (var (action, route) in Commands)
        {
            api.MapPost($"/{{id}}/{action}", (string id, HttpContext http, IIncidentCommands h) => route.Run(id, http, h))
                .Reads(route.Body, route.BodyOptional).Answers<IncidentView>().Problems(CommandProblems(route.Keyed));
        }

        api.MapPost("/{id}/actions/{number:int}", UpdateActionItemAsync).Reads<ActionItemBody>().Answers<IncidentView>().Problems(CommandProblems(keyed: false));
        return routes;
    }

    /// <summary>POST /api/incidents/{id}/{action} for any action in <see cref="Commands"/>; 404 for any other.</summary>
    public static Task<IResult> CommandAsync(string action, string id, HttpContext http, IIncidentCommands commands) =>
        Commands.TryGetValue(action, out var route)
            ? route.Run(id, http, commands)
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
        if ((Callers.OnBehalfProblem(http.User, body!.Reporter, "reporter") ?? parsed.Problem) is { } p)
        {
            return ApiProblems.Invalid(p.Field, p.Message);
        }

        var header = IdempotencyKey(http);
        var key = header ?? NullIfBlank(body!.DedupKey);
        if (key is { Length: > 256 })
        {
            return ApiProblems.Invalid(header is null ? "dedupKey" : "Idempotency-Key", "An idempotency key is at most 256 characters.");
        }

        // Only the header is a request's identity; a dedupKey names an alert, whose repeats differ in their bodies.
        var fingerprint = header is null ? "" : IdempotentRequests.Fingerprint("declare", body);
        if (header is not null && await IdempotentRequests.ReusedAsync(http, "declare", header, fingerprint) is { } reused)
        {
            return reused;
        }

        var result = await declarations.DeclareAsync((C.Declare)parsed.Command!, key, http.RequestAborted);
        if (result.Decision.Error is { } error)
        {
            return ApiProblems.From(error);
        }

        if (header is not null && await IdempotentRequests.RememberAsync(http, "declare", header, fingerprint) is { } raced)
        {
            return raced;
        }

        var view = IncidentView.Of(result.State!);
        return Results.Accepted($"/api/incidents/{Uri.EscapeDataString(view.Id)}", view);
    }

    public static async Task<IResult> ListAsync(HttpContext http, IIncidentIndex index, ITeamContextSource team, string? status, string? pageSize, string? continuationToken)
    {
        var (size, sizeProblem) = QueryNumbers.Parse(pageSize, "pageSize");
        if (sizeProblem is not null)
        {
            return sizeProblem;
        }

        if (status is not null && IncidentStatuses.Parse(status) is null)
        {
            return ApiProblems.Invalid("status", $"'{status}' is not a status.");
        }

        if (size is < 1 or > 200)
        {
            return ApiProblems.Invalid("pageSize", "pageSize is 1 to 200.");
        }

        var teamId = team.Current.TeamId;
        var filter = status?.Trim().ToLowerInvariant();
        string? storeToken = null;
        if (!string.IsNullOrEmpty(continuationToken))
        {
            storeToken = IncidentListTokens.Unwrap(continuationToken, teamId, filter);
            if (storeToken is null || !PageTokens.IsWellFormed(storeToken))
            {
                return ApiProblems.Invalid("continuationToken", "This continuationToken was not issued for this list; pass back the one a previous page returned, with the same status filter.");
            }
        }

        StoredPage<IncidentSummary> page;
        try
        {
            page = await index.ListByTeamAsync(teamId, filter, size ?? 50, storeToken, http.RequestAborted);
        }
        catch (Exception e) when (storeToken is not null && e is ArgumentException or Azure.RequestFailedException { Status: 400 })
        {
            return ApiProblems.Invalid("continuationToken", "This continuationToken is not one the store can resume from; start again without it.");
        }

        return Results.Ok(new IncidentListPage(page.Items, IncidentListTokens.Wrap(page.ContinuationToken, teamId, filter)));
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
        string id, HttpContext http, IIncidentCommands handler, Func<TBody, ClaimsPrincipal, Parsed> parse, TBody? whenEmpty = null, string? keyedAs = null)
        where TBody : class
    {
        if (!IncidentIds.IsWellFormed(id))
        {
            return ApiProblems.NotFound(id);
        }

        var (read, problem) = await JsonBody.ReadAsync(http.Request, http.RequestAborted, whenEmpty);
        if (problem is not null)
        {
            return problem;
        }

        var body = read!;
        if (body is IActsFor acting && Callers.OnBehalfProblem(http.User, acting.By, "by") is { } onBehalf)
        {
            return ApiProblems.Invalid(onBehalf.Field, onBehalf.Message);
        }

        var parsed = parse(body, http.User);
        if (parsed.Problem is { } p)
        {
            return ApiProblems.Invalid(p.Field, p.Message);
        }

        var key = keyedAs is null ? null : IdempotencyKey(http);
        var fingerprint = key is null ? "" : IdempotentRequests.Fingerprint(keyedAs!, body);
        if (key is not null && await IdempotentRequests.ReusedAsync(http, id, key, fingerprint) is { } reused)
        {
            return reused;
        }

        var result = await handler.HandleAsync(new IncidentId(id), parsed.Command!, http.RequestAborted);
        if (result.Decision.Error is null && key is not null && await IdempotentRequests.RememberAsync(http, id, key, fingerprint) is { } raced)
        {
            return raced;
        }

        return result.Decision.Error switch
        {
            { Code: "incident.not_found" } => ApiProblems.NotFound(id),
            { } error => ApiProblems.From(error),
            null => Results.Ok(IncidentView.Of(result.State!)),
        };
    }

    private static CommandRoute Route<TBody>(Func<string, HttpContext, IIncidentCommands, Task<IResult>> run, bool optional = false, bool keyed = false) =>
        new(typeof(TBody), optional, keyed, run);

    private static int[] CommandProblems(bool keyed) =>
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType, .. keyed ? [StatusCodes.Status422UnprocessableEntity] : Array.Empty<int>(),
    ];

    private static string? IdempotencyKey(HttpContext http) => NullIfBlank(http.Request.Headers["Idempotency-Key"].ToString());

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
