using IncidentFlows.App.Api;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IncidentFlows.Functions.Http;

/// <summary>Timelines, postmortems and metrics, generated from the timeline table on every request.</summary>
public sealed class LearningHttpFunctions(IncidentRepository incidents, IIncidentIndex index, TeamConfigurations teams, TimeProvider clock)
{
    [Function("IncidentTimeline")]
    public Task<IActionResult> TimelineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/incidents/{id}/timeline")] HttpRequest request,
        string id) =>
        HttpApi.RunAsync(request, http => LearningEndpoints.TimelineAsync(id, Query.Text(http, "tz"), Query.Text(http, "format"), http, incidents));

    [Function("IncidentPostmortem")]
    public Task<IActionResult> PostmortemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/incidents/{id}/postmortem")] HttpRequest request,
        string id) =>
        HttpApi.RunAsync(request, http => LearningEndpoints.PostmortemAsync(id, Query.Text(http, "tz"), Query.Text(http, "format"), http, incidents, teams));

    [Function("Metrics")]
    public Task<IActionResult> MetricsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/metrics")] HttpRequest request) =>
        HttpApi.RunAsync(request, http => LearningEndpoints.MetricsAsync(
            Query.Text(http, "from"), Query.Text(http, "to"), Query.Text(http, "format"), http, index, incidents, teams, clock));
}
