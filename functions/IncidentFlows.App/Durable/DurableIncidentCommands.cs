using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Durable;

/// <summary>
/// The Functions host's way to send a command: decide it once against the stored state, so a refused
/// command is answered at once and nothing is sent or stored; otherwise hand it to the incident's
/// orchestration, which decides it for real. A running instance gets an external event; an incident
/// without one (just declared, or closed and completed) gets a new instance that starts from the
/// stored state with the command. The answer is the state the command leads to as of now.
/// </summary>
public sealed class DurableIncidentCommands(
    IncidentRepository incidents, ITeamContextSource team, TimeProvider clock, IIncidentInstances instances, IncidentTelemetry telemetry)
    : IIncidentCommands
{
    public async Task<CommandResult> HandleAsync(IncidentId id, IncidentCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var span = telemetry.StartCommand(id, command); // the command as sent; its commit is counted by PersistCommit
        var (state, version) = await incidents.LoadAsync(id, ct);
        var context = team.Current;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var preview = IncidentTurn.Take(command, state, new DecisionContext(now, context.Policies, context.OnCall), context.Effects);
        IncidentTelemetry.Decided(span, preview.Decision, preview.State, context.TeamId);
        if (preview.Decision.IsRejected)
        {
            return new CommandResult(preview.Decision, preview.State);
        }

        // Sent even when the stored state says it changes nothing: the orchestration may be ahead of the
        // store, and repeating a command is harmless.
        if (await instances.IsRunningAsync(id.Value, ct))
        {
            await instances.RaiseCommandAsync(id.Value, IncidentJson.Serialize(command), ct);
        }
        else
        {
            await instances.StartAsync(id.Value, IncidentJson.Serialize(new IncidentFlowInput(id, state, version, [command])), ct);
        }

        return new CommandResult(preview.Decision, preview.State);
    }
}
