using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Domain.OnCall.Configuration;
using NodaTime;

namespace IncidentFlows.App.Durable;

/// <summary>
/// One turn of an incident's orchestration (instance id = incident id): take the next command — an
/// <see cref="CommandEvent"/> external event or the wake-up timer, whichever comes first — decide
/// and evolve with <see cref="IncidentTurn"/> at the orchestration's time, persist the commit, run its
/// effects in order and take their results as further commands, then ContinueAsNew with the new state.
/// A closed or declined incident completes the instance; a reopen starts it again.
/// </summary>
/// <remarks>
/// Orchestrator code: it replays. No I/O, no clock, no random ids, no unbounded loops — storage and
/// the team's configuration come from activities, the time from the context.
/// </remarks>
public static class IncidentOrchestration
{
    public const string Name = "IncidentOrchestration";

    /// <summary>The external event that carries a command (JSON of <see cref="IncidentCommand"/>).</summary>
    public const string CommandEvent = "IncidentCommand";

    /// <summary>Commands one turn takes at most (effect results included); the rest wait in the next input.</summary>
    public const int MaxCommandsPerTurn = 25;

    public static async Task RunAsync(IIncidentOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = IncidentJson.Deserialize<IncidentFlowInput>(input);
        var commands = new Queue<IncidentCommand>(flow.Pending);
        Task<string>? listening = null;
        if (commands.Count == 0)
        {
            var (next, stillListening) = await NextCommandAsync(context, flow.State);
            commands.Enqueue(next);
            listening = stillListening;
        }

        var team = await LoadTeamAsync(context);
        var (state, version) = (flow.State, flow.Version);
        for (var taken = 0; taken < MaxCommandsPerTurn && commands.TryDequeue(out var command); taken++)
        {
            var now = Instant.FromDateTimeUtc(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
            var turn = IncidentTurn.Take(command, state, new DecisionContext(now, team.Policies, team.OnCall), team.Effects);
            if (turn.Changed)
            {
                version++;
                await context.CallActivityAsync(
                    IncidentActivities.PersistCommit,
                    IncidentJson.Serialize(new CommitRequest(flow.Incident, version, turn.Decision.Events, turn.State!)),
                    ActivityRetry.Storage);
                state = turn.State;
                foreach (var effect in turn.Effects)
                {
                    if (await RunEffectAsync(context, flow.Incident, effect) is { } result)
                    {
                        commands.Enqueue(result);
                    }
                }
            }

            if (commands.Count == 0 && listening is { IsCompletedSuccessfully: true })
            {
                commands.Enqueue(IncidentJson.Deserialize<IncidentCommand>(listening.Result)); // arrived while the timer's turn ran
                listening = null;
            }
        }

        if (commands.Count == 0 && state is null or { Status: IncidentStatus.Closed or IncidentStatus.Declined })
        {
            return; // completes the instance; a reopen or a late action item starts a new one (DurableIncidentCommands)
        }

        context.ContinueAsNew(IncidentJson.Serialize(new IncidentFlowInput(flow.Incident, state, version, [.. commands])));
    }

    /// <summary>
    /// The event/timer race. When the command wins, the timer is cancelled. When the timer wins, the
    /// wait for a command is kept, not cancelled: Durable Task keeps an abandoned waiter and would hand
    /// it the next event, so the turn keeps listening and takes a command that arrives meanwhile.
    /// </summary>
    private static async Task<(IncidentCommand Next, Task<string>? StillListening)> NextCommandAsync(IIncidentOrchestrationContext context, Incident? state)
    {
        if (WakeUps.Next(state) is not { } wake)
        {
            return (IncidentJson.Deserialize<IncidentCommand>(await context.WaitForCommandAsync(CancellationToken.None)), null);
        }

        using var timerCancellation = new CancellationTokenSource();
        var command = context.WaitForCommandAsync(CancellationToken.None);
        var timer = context.CreateTimerAsync(wake.At.ToDateTimeUtc(), timerCancellation.Token);
        if (await Task.WhenAny(command, timer) == command)
        {
            timerCancellation.Cancel();
            return (IncidentJson.Deserialize<IncidentCommand>(await command), null);
        }

        return (wake.Command, command);
    }

    private static async Task<TeamContext> LoadTeamAsync(IIncidentOrchestrationContext context)
    {
        var document = await context.CallActivityAsync(IncidentActivities.LoadTeamConfiguration, "", ActivityRetry.Storage)
            ?? throw new InvalidOperationException("The team's configuration is not stored; load it with PUT /api/oncall/configuration.");
        return TeamConfigurationParser.Parse(document) switch
        {
            TeamConfigurationResult.Valid valid => TeamContext.From(valid.Configuration),
            TeamConfigurationResult.Invalid invalid => throw new InvalidOperationException($"The stored team configuration is invalid: {string.Join("; ", invalid.Problems)}"),
            _ => throw new InvalidOperationException("Unknown configuration result."),
        };
    }

    /// <summary>
    /// Runs one effect with its retry policy. An effect that still fails is given up so the incident
    /// goes on: the event is on the timeline, and escalation pages the next level at the deadline.
    /// </summary>
    private static async Task<IncidentCommand?> RunEffectAsync(IIncidentOrchestrationContext context, IncidentId incident, IncidentEffect effect)
    {
        try
        {
            var result = await context.CallActivityAsync(
                IncidentActivities.RunEffect, IncidentJson.Serialize(new EffectRequest(incident, effect)), ActivityRetry.Effect);
            return string.IsNullOrEmpty(result) ? null : IncidentJson.Deserialize<IncidentCommand>(result);
        }
#pragma warning disable CA1031 // Whatever the activity threw (TaskFailedException after the last retry), the incident must go on.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
