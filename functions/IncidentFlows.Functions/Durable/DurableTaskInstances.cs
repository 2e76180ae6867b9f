using IncidentFlows.App.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace IncidentFlows.Functions.Durable;

/// <summary><see cref="DurableTaskClient"/> behind the App layer's <see cref="IIncidentInstances"/>; instance id = incident id.</summary>
internal sealed class DurableTaskInstances(DurableTaskClient client) : IIncidentInstances
{
    public async Task<bool> IsRunningAsync(string incidentId, CancellationToken ct) =>
        await client.GetInstanceAsync(incidentId, getInputsAndOutputs: false, ct) is
        {
            RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended
        };

    public Task StartAsync(string incidentId, string input, CancellationToken ct) =>
        client.ScheduleNewOrchestrationInstanceAsync(IncidentOrchestration.Name, input, new StartOrchestrationOptions(incidentId), ct);

    public Task RaiseCommandAsync(string incidentId, string command, CancellationToken ct) =>
        client.RaiseEventAsync(incidentId, IncidentOrchestration.CommandEvent, command, ct);
}
