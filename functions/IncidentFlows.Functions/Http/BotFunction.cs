using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Teams;
using IncidentFlows.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace IncidentFlows.Functions.Http;

/// <summary>
/// POST /api/messages: the Bot Connector's door, on the App's bot endpoint (its own Bot Connector token
/// check, not the API policy). The bot's commands go to the incidents' orchestrations.
/// </summary>
public sealed class BotFunction(DurableCommandsFactory durable)
{
    [Function("BotMessages")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/messages")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var http = request.HttpContext;
        await http.Service<TeamConfigurations>().EnsureLoadedAsync(http.Service<IOptions<IncidentFlowsOptions>>().Value.Team.Id, http.RequestAborted);
        var instances = new DurableTaskInstances(client);
        var handler = BotEndpoint.ForCommands(http.RequestServices, durable.Commands(instances), durable.Declarations(instances));
        return new ApiResult(await BotEndpoint.RespondAsync(http, handler));
    }
}
