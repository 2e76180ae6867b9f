using IncidentFlows.App.Durable;
using IncidentFlows.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IncidentFlows.Functions.Durable;

/// <summary>Every open incident has a running orchestration: hourly, and on demand after an upgrade (docs/deploy.md).</summary>
public sealed class ResumeIncidentsFunctions(IncidentResumer resumer)
{
    [Function("ResumeIncidents")]
    public Task ResumeOnTimerAsync(
        [TimerTrigger(IncidentResumer.Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        resumer.ResumeAsync(new DurableTaskInstances(client), context.CancellationToken);

    [Function("ResumeIncidentsNow")]
    public Task<IActionResult> ResumeNowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/resume-incidents")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        HttpApi.RunAsync(request, async http => Results.Ok(new { resumed = await resumer.ResumeAsync(new DurableTaskInstances(client), http.RequestAborted) }));
}
