namespace IncidentFlows.App.Durable;

/// <summary>The incident orchestrations as a client sees them; the Functions host adapts <c>DurableTaskClient</c>.</summary>
public interface IIncidentInstances
{
    /// <summary>True while the incident's instance exists and takes events (pending, running or suspended).</summary>
    Task<bool> IsRunningAsync(string incidentId, CancellationToken ct);

    /// <summary>Schedules <see cref="IncidentOrchestration"/> with instance id = incident id and this input (JSON of <see cref="IncidentFlowInput"/>).</summary>
    Task StartAsync(string incidentId, string input, CancellationToken ct);

    /// <summary>Raises <see cref="IncidentOrchestration.CommandEvent"/> with a command's JSON.</summary>
    Task RaiseCommandAsync(string incidentId, string command, CancellationToken ct);
}
