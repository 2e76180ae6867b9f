using IncidentFlows.App.Alerts;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IncidentFlows.Functions.Http;

/// <summary>
/// Alert intake (docs/alerts.md) on the App layer's handlers: the same sources, payloads and answers as the
/// standalone server, with the commands sent to each incident's orchestration.
/// </summary>
public sealed class AlertHttpFunctions(App.Durable.DurableCommandsFactory durable, IDeclarations keys, ITeamContextSource team, TimeProvider clock)
{
    /// <summary>alertmanager, grafana and generic: API key with the respond role, like any API client.</summary>
    [Function("AcceptAlerts")]
    public Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/alerts/{source}")] HttpRequest request,
        string source,
        [DurableClient] DurableTaskClient client) =>
        source == AlertEndpoints.AzureMonitor
            ? HttpApi.RunOwnAuthenticationAsync(request, http => AlertEndpoints.AcceptAsync(source, http, Intake(client)))
            : HttpApi.RunAsync(request, http => AlertEndpoints.AcceptAsync(source, http, Intake(client)));

    private AlertIntake Intake(DurableTaskClient client)
    {
        var instances = new DurableTaskInstances(client);
        return new AlertIntake(durable.Declarations(instances), keys, durable.Commands(instances), team, clock);
    }
}
