using System.Diagnostics;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Durable;

/// <summary>
/// How a command reaches an incident, in both hosts: decide it once against the stored state, so a
/// refused command is answered at once and nothing is sent or stored; otherwise hand it to the
/// incident's orchestration, which decides it for real. A running instance gets an external event; an
/// incident without one (just declared, or closed and completed) gets a new instance that starts from
/// the stored state with the command. The answer waits, up to <paramref name="commitWait"/>, for the
/// orchestration to store the command's events, so a read after the answer sees them (no 404 after a
/// 202 declare); past the wait it is the state the command leads to as of now, and the command still lands.
/// </summary>
public sealed class DurableIncidentCommands(
    IncidentRepository incidents,
    ITeamContextSource team,
    TimeProvider clock,
    IIncidentInstances instances,
    IncidentTelemetry telemetry,
    TimeSpan? commitWait = null)
    : IIncidentCommands
{
    /// <summary>
    /// Long enough for a turn that is not held by a delivery (tens of milliseconds at 250 ms polling);
    /// short enough for a Teams invoke (15 s) and a person at a prompt.
    /// </summary>
    public static readonly TimeSpan DefaultCommitWait = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _commitWait = commitWait ?? DefaultCommitWait;

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
        var raised = await instances.IsRunningAsync(id.Value, ct);
        if (raised)
        {
            await instances.RaiseCommandAsync(id.Value, IncidentJson.Serialize(command), ct);
        }
        else
        {
            await StartAsync(id, command, ct);
        }

        var committed = preview.Changed ? await CommittedAsync(id, version, preview.Decision, command, raised, ct) : null;
        return new CommandResult(preview.Decision, committed ?? preview.State);
    }

    /// <summary>A new instance from the stored state, with the command as its first input.</summary>
    private async Task StartAsync(IncidentId id, IncidentCommand command, CancellationToken ct)
    {
        var (state, version) = await incidents.LoadAsync(id, ct);
        await instances.StartAsync(id.Value, IncidentJson.Serialize(new IncidentFlowInput(id, state, version, [command])), ct);
    }

    /// <summary>
    /// The stored state once the commits after <paramref name="version"/> hold every kind of event the
    /// preview decided (the orchestration may commit other turns first: a timeout, a page's outcome),
    /// or null when the wait runs out.
    /// </summary>
    /// <remarks>
    /// A command <paramref name="raised"/> to an instance that was just completing (a close's turn ending)
    /// is discarded by the engine. So when the instance is found ended without the command's events,
    /// it is started again from the stored state with the command: never lost, never taken twice, since
    /// an ended instance takes nothing more.
    /// </remarks>
    private async Task<Incident?> CommittedAsync(IncidentId id, long version, Decision preview, IncidentCommand command, bool raised, CancellationToken ct)
    {
        var expected = preview.Events.Select(e => IncidentContracts.NameOf(e)).ToHashSet(StringComparer.Ordinal);
        var waited = Stopwatch.StartNew();
        for (var delay = TimeSpan.FromMilliseconds(20); waited.Elapsed < _commitWait; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks)))
        {
            await Task.Delay(delay, ct);
            if (await StoredWithAsync(id, version, expected, ct) is { } state)
            {
                return state;
            }

            if (raised && delay >= TimeSpan.FromMilliseconds(160) && !await instances.IsRunningAsync(id.Value, ct))
            {
                raised = false; // ended: its last commit may have landed since the check above
                if (await StoredWithAsync(id, version, expected, ct) is { } landed)
                {
                    return landed;
                }

                await StartAsync(id, command, ct);
            }
        }

        return null;
    }

    private async Task<Incident?> StoredWithAsync(IncidentId id, long version, HashSet<string> expected, CancellationToken ct) =>
        await incidents.LoadAsync(id, ct) is { Version: var stored, State: { } state } && stored > version
            && expected.IsSubsetOf(await incidents.EventTypesAfterAsync(id, version, ct))
            ? state
            : null;
}
