using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Incidents;

/// <summary>
/// Sends a command to an incident and says what it did. The standalone server decides and commits in
/// the request (<see cref="IncidentCommandHandler"/>); the Functions host checks the command against
/// the stored state and hands it to the incident's orchestration (<see cref="Durable.DurableIncidentCommands"/>).
/// </summary>
public interface IIncidentCommands
{
    Task<CommandResult> HandleAsync(IncidentId id, IncidentCommand command, CancellationToken ct);
}
