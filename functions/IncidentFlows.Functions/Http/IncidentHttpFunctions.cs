using IncidentFlows.App.Api;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IncidentFlows.Functions.Http;

/// <summary>
/// The incident API (DESIGN.md §3) on the App layer's handlers. Commands go to each incident's
/// orchestration through <see cref="DurableCommandsFactory"/>; reads come from Table Storage.
/// </summary>
public sealed class IncidentHttpFunctions(DurableCommandsFactory durable, IncidentRepository incidents, IIncidentIndex index, ITeamContextSource team)
{
    [Function("DeclareIncident")]
    public Task<IActionResult> DeclareAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/incidents")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        HttpApi.RunAsync(request, http => IncidentEndpoints.DeclareAsync(http, durable.Declarations(new DurableTaskInstances(client))));

    [Function("ListIncidents")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/incidents")] HttpRequest request) =>
        HttpApi.RunAsync(request, http => IncidentEndpoints.ListAsync(http, index, team, Query.Text(http, "status"), Query.Text(http, "pageSize"), Query.Text(http, "continuationToken")));

    [Function("GetIncident")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/incidents/{id}")] HttpRequest request,
        string id) =>
        HttpApi.RunAsync(request, http => IncidentEndpoints.GetAsync(id, http, incidents));

    /// <summary>acknowledge, join, status, severity, roles, updates, notes, resolve, close, reopen, postmortem-review, actions.</summary>
    [Function("IncidentCommand")]
    public Task<IActionResult> CommandAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/incidents/{id}/{action}")] HttpRequest request,
        string id,
        string action,
        [DurableClient] DurableTaskClient client) =>
        HttpApi.RunAsync(request, http => IncidentEndpoints.CommandAsync(action, id, http, durable.Commands(new DurableTaskInstances(client))));

    [Function("UpdateActionItem")]
    public Task<IActionResult> UpdateActionItemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/incidents/{id}/actions/{number:int}")] HttpRequest request,
        string id,
        int number,
        [DurableClient] DurableTaskClient client) =>
        HttpApi.RunAsync(request, http => IncidentEndpoints.UpdateActionItemAsync(id, number, http, durable.Commands(new DurableTaskInstances(client))));
}
