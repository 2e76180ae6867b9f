using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace IncidentFlows.App.Incidents;

/// <summary>What a command did: the decision and the incident's state after it (null: it does not exist).</summary>
public sealed record CommandResult(Decision Decision, Incident? State);

/// <summary>
/// The standalone driver's turn: load → decide (IncidentTurn) → mark pending work → commit events,
/// snapshot and outbox atomically → index → hand the effects to the worker. A concurrent writer makes
/// the commit fail; the turn is then decided again on fresh state.
/// </summary>
public sealed partial class IncidentCommandHandler(
    IncidentRepository incidents,
    IIncidentIndex index,
    IWakeUps wakeUps,
    ITeamContextSource team,
    TimeProvider clock,
    PendingWork pending,
    IncidentTelemetry telemetry,
    ILogger<IncidentCommandHandler> log) : IIncidentCommands
{
    private const int MaxAttempts = 20;

    public Task<CommandResult> HandleAsync(IncidentId id, IncidentCommand command, CancellationToken ct) =>
        HandleAsync(id, command, markPending: true, ct);

    /// <summary>
    /// For the worker that is bringing this incident up to date: its wake-up is already due (a timer or
    /// a pending-work marker) and stays due until the worker reschedules it after draining the outbox,
    /// so the markers would only cost round trips.
    /// </summary>
    internal Task<CommandResult> HandleWhileDueAsync(IncidentId id, IncidentCommand command, CancellationToken ct) =>
        HandleAsync(id, command, markPending: false, ct);

    private async Task<CommandResult> HandleAsync(IncidentId id, IncidentCommand command, bool markPending, CancellationToken ct)
    {
        using var span = telemetry.StartCommand(id, command);
        try
        {
            return await DecideAndCommitAsync(id, command, markPending, span, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            IncidentTelemetry.Failed(span, e);
            throw;
        }
    }

    private async Task<CommandResult> DecideAndCommitAsync(IncidentId id, IncidentCommand command, bool markPending, System.Diagnostics.Activity? span, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, version) = await incidents.LoadAsync(id, ct);
            var context = team.Current;
            var now = clock.GetUtcNow();
            var turn = IncidentTurn.Take(command, state, new DecisionContext(Instant.FromDateTimeOffset(now), context.Policies, context.OnCall), context.Effects);
            IncidentTelemetry.Decided(span, turn.Decision, turn.State, context.TeamId);
            if (!turn.Changed)
            {
                return new CommandResult(turn.Decision, turn.State);
            }

            // The wake-up doubles as the pending-work marker: set before the commit, a crash after the
            // commit leaves it due, and the worker finishes the job.
            if (markPending)
            {
                await wakeUps.ScheduleAsync(id.Value, now, ct);
            }

            try
            {
                await incidents.CommitAsync(id, version, turn, ct);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                LogConflict(id.Value, attempt);
                continue;
            }

            telemetry.Committed(turn.Decision.Events, turn.State!, context.TeamId);
            await index.UpsertAsync(IncidentSummaries.Of(turn.State!, context.TeamId), ct);
            if (markPending)
            {
                // Marked due again after the commit too, in case a worker replaced the first marker with
                // a later timer between our two writes.
                await wakeUps.ScheduleAsync(id.Value, clock.GetUtcNow(), ct);
                pending.Signal(id);
            }

            return new CommandResult(turn.Decision, turn.State);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Incident {IncidentId} changed under us (attempt {Attempt}); deciding again")]
    private partial void LogConflict(string incidentId, int attempt);
}
