using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Incidents;

/// <summary>
/// Sends a command to an incident and says what it did. Both hosts check the command against the stored
/// state and hand it to the incident's orchestration (<see cref="Durable.DurableIncidentCommands"/>), which
/// decides, commits and runs the effects.
/// </summary>
public interface IIncidentCommands
{
    Task<CommandResult> HandleAsync(IncidentId id, IncidentCommand command, CancellationToken ct);
}
