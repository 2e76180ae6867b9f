using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Sweeps;
using IncidentFlows.App.Web;
using IncidentFlows.Functions.Durable;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace IncidentFlows.Functions.Http;

/// <summary>
/// The web pages (App/Web) on HTTP triggers: the same handlers and the same HTML as the standalone server,
/// behind the page policy (<see cref="WebAuthorization"/>); with Easy Auth on, the signed-in person
/// arrives in X-MS-CLIENT-PRINCIPAL. Form commands go to the orchestrations like the API's.
/// </summary>
public sealed class WebHttpFunctions(
    DurableCommandsFactory durable, IncidentRepository incidents, IIncidentIndex index, TeamIncidents all,
    TeamConfigurations teams, TimeProvider clock, IAntiforgery antiforgery)
{
    [Function("WebAsset")]
    public static IActionResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/{name}")] HttpRequest request, string name) =>
        new ApiResult(WebAssets.Get(name, request.HttpContext));

    /// <summary>The site root: an optional, always-empty parameter, because a trigger's route cannot be empty.</summary>
    [Function("WebIncidents")]
    public Task<IActionResult> IncidentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{root:maxlength(0)?}")] HttpRequest request) =>
        RunAsync(request, http => WebPages.IncidentsAsync(http, index, incidents, teams, clock, Pages(http)));

    [Function("WebIncident")]
    public Task<IActionResult> IncidentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "incidents/{id}")] HttpRequest request, string id) =>
        RunAsync(request, http => WebPages.IncidentAsync(id, http, incidents, teams, clock, Pages(http), antiforgery));

    [Function("WebPostmortem")]
    public Task<IActionResult> PostmortemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "incidents/{id}/postmortem")] HttpRequest request, string id) =>
        RunAsync(request, http => WebPages.PostmortemAsync(id, http, incidents, teams, Pages(http)));

    [Function("WebIncidentCommand")]
    public Task<IActionResult> CommandAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "incidents/{id}/{action}")] HttpRequest request,
        string id, string action, [DurableClient] DurableTaskClient client) =>
        RunAsync(request, http => WebPages.CommandAsync(id, action, http, durable.Commands(new DurableTaskInstances(client)), antiforgery));

    [Function("WebOnCall")]
    public Task<IActionResult> OnCallAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oncall")] HttpRequest request) =>
        RunAsync(request, http => WebPages.OnCallAsync(http, teams, clock, Pages(http)));

    [Function("WebMetrics")]
    public Task<IActionResult> MetricsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request) =>
        RunAsync(request, http => WebPages.MetricsAsync(http, all, teams, clock, Pages(http)));

    private async Task<IActionResult> RunAsync(HttpRequest request, Func<HttpContext, Task<IResult>> page)
    {
        var http = request.HttpContext;
        await teams.EnsureLoadedAsync(http.Service<IOptions<IncidentFlowsOptions>>().Value.Team.Id, http.RequestAborted);
        return new ApiResult(await WebAuthorization.RunAsync(http, page));
    }

    private static PageRenderer Pages(HttpContext http) => http.Service<PageRenderer>();
}
