using DurableTask.Core;
using DurableTask.Core.Exceptions;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;

namespace IncidentFlows.Server.Engine;

/// <summary>The incident orchestrations through DTFx's <see cref="TaskHubClient"/>; instance id = incident id.</summary>
internal sealed class TaskHubInstances(IncidentEngine engine) : IIncidentInstances
{
    private static readonly OrchestrationStatus[] Live =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Suspended];

    public async Task<bool> IsRunningAsync(string incidentId, CancellationToken ct) =>
        await engine.Client.GetOrchestrationStateAsync(incidentId) is { } state && Live.Contains(state.OrchestrationStatus);

    /// <summary>
    /// Starts the instance unless one is live; when another request started it meanwhile, the input's
    /// commands are raised to that one instead, so none is dropped.
    /// </summary>
    public async Task StartAsync(string incidentId, string input, CancellationToken ct)
    {
        try
        {
            await engine.Client.CreateOrchestrationInstanceAsync(IncidentOrchestration.Name, "", incidentId, input, null, Live);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            foreach (var command in IncidentJson.Deserialize<IncidentFlowInput>(input).Pending)
            {
                await RaiseCommandAsync(incidentId, IncidentJson.Serialize(command), ct);
            }
        }
    }

    public Task RaiseCommandAsync(string incidentId, string command, CancellationToken ct) =>
        engine.Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = incidentId }, IncidentOrchestration.CommandEvent, command);
}
