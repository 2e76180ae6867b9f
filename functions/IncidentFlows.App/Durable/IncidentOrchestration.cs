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
/// and evolve with <see cref="IncidentTurn"/> at the orchestration's time, persist the commit, deliver
/// its effects (pages first and in parallel, then the rest in order) and take their outcomes as further
/// commands, then ContinueAsNew with the new state. While an effect other than a page runs (a slow or
/// failing war room or announcement, retried for minutes), the next wake-up still falls due on time.
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

    /// <summary>
    /// Commands one turn takes at most (effect outcomes included); the rest wait in the next input. The
    /// effects of the commands it took are all run before the turn ends, their outcomes carried too.
    /// </summary>
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
        var later = new Queue<IncidentEffect>(); // effects other than pages, in the order their commits called for them
        Task<IncidentCommand?>? running = null; // the one of them under way
        for (var taken = 0; ;)
        {
            if (taken < MaxCommandsPerTurn && commands.TryDequeue(out var command))
            {
                taken++;
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
                    foreach (var outcome in await PageAsync(context, flow.Incident, turn.Effects))
                    {
                        commands.Enqueue(outcome);
                    }

                    foreach (var effect in turn.Effects.Where(e => e is not IncidentEffect.Page))
                    {
                        later.Enqueue(effect);
                    }
                }
            }
            else if (running is not null)
            {
                // Listen while it runs: an acknowledgement that arrives must win over the timeout it answers.
                var canTake = taken < MaxCommandsPerTurn;
                if (canTake)
                {
                    listening ??= context.WaitForCommandAsync(CancellationToken.None);
                }

                var wake = await UntilDoneOrDueAsync(
                    context, running, canTake ? WakeUps.Next(state) : null, canTake && listening is { IsCompleted: false } ? listening : null);
                if (wake is not null)
                {
                    commands.Enqueue(wake); // an escalation or reminder fell due while the effect ran: it goes first
                }
                else if (running.IsCompleted)
                {
                    if (await running is { } result)
                    {
                        commands.Enqueue(result);
                    }

                    running = null;
                } // else a command arrived on the kept wait: taken below, before the effect is awaited again
            }
            else if (later.TryDequeue(out var effect))
            {
                running = RunEffectAsync(context, flow.Incident, effect, ActivityRetry.Effect);
            }
            else
            {
                break;
            }

            if (commands.Count == 0 && listening is { IsCompletedSuccessfully: true })
            {
                commands.Enqueue(IncidentJson.Deserialize<IncidentCommand>(listening.Result)); // arrived while the timer's turn ran
                listening = null;
            }
        }

        if (listening is { IsCompletedSuccessfully: true })
        {
            // The kept wait took a command, but the turn stopped at its bound before taking it: carry it,
            // since to the engine that event is delivered and will not come again.
            commands.Enqueue(IncidentJson.Deserialize<IncidentCommand>(listening.Result));
        }

        if (commands.Count == 0 && state is null or { Status: IncidentStatus.Closed or IncidentStatus.Declined })
        {
            return; // completes the instance; a reopen or a late action item starts a new one (DurableIncidentCommands)
        }

        context.ContinueAsNew(IncidentJson.Serialize(new IncidentFlowInput(flow.Incident, state, version, [.. commands])));
    }

    /// <summary>
    /// The event/timer race. When the command wins, the timer is cancelled. When the timer wins, the
    /// wait for a command is kept, not cancelled, so the turn keeps listening and takes a command that
    /// arrives while it runs; one that arrives after ContinueAsNew is carried to the next execution by
    /// the engine (docs/functions-host.md shows where the worker does it; the DTFx adapter sends it back).
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

    /// <summary>
    /// Waits for the running effect, for a command arriving on the kept wait (<paramref name="listening"/>),
    /// or for the next wake-up (<paramref name="due"/>), whichever comes first; returns the wake-up's command
    /// when that fell due first, else null. The timer is cancelled when it loses, so none outlives the turn.
    /// </summary>
    private static async Task<IncidentCommand?> UntilDoneOrDueAsync(
        IIncidentOrchestrationContext context, Task<IncidentCommand?> running, WakeUp? due, Task<string>? listening)
    {
        if (due is null)
        {
            if (listening is null)
            {
                await running;
            }
            else
            {
                await Task.WhenAny(running, listening);
            }

            return null;
        }

        using var timerCancellation = new CancellationTokenSource();
        var timer = context.CreateTimerAsync(due.At.ToDateTimeUtc(), timerCancellation.Token);
        var first = await (listening is null ? Task.WhenAny(running, timer) : Task.WhenAny(running, timer, listening));
        if (first == timer)
        {
            return due.Command;
        }

        timerCancellation.Cancel();
        return null;
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
    /// Pages first: every page of a commit at once (one activity each, awaited together, which Durable
    /// replays deterministically), before anything else of that commit or of earlier ones. The turn
    /// takes the page outcomes (and the pages they lead to) before it runs the war room, the
    /// announcement or the posts, so a slow or failing Teams post or Graph call never holds a page.
    /// </summary>
    private static async Task<IReadOnlyList<IncidentCommand>> PageAsync(IIncidentOrchestrationContext context, IncidentId incident, IReadOnlyList<IncidentEffect> effects)
    {
        var pages = effects.OfType<IncidentEffect.Page>().ToList();
        if (pages.Count == 0)
        {
            return [];
        }

        var outcomes = await Task.WhenAll(pages.Select(page => RunEffectAsync(context, incident, page, ActivityRetry.Page)));
        return [.. outcomes.OfType<IncidentCommand>()];
    }

    /// <summary>
    /// Runs one effect with its bounded retry policy. An effect that fails on every attempt is not
    /// dropped: a page becomes "undeliverable" (which escalates at once when nobody of its level can be
    /// reached), anything else "abandoned", both on the timeline.
    /// </summary>
    private static async Task<IncidentCommand?> RunEffectAsync(IIncidentOrchestrationContext context, IncidentId incident, IncidentEffect effect, ActivityRetry retry)
    {
        try
        {
            var result = await context.CallActivityAsync(
                IncidentActivities.RunEffect, IncidentJson.Serialize(new EffectRequest(incident, effect)), retry);
            return string.IsNullOrEmpty(result) ? null : IncidentJson.Deserialize<IncidentCommand>(result);
        }
#pragma warning disable CA1031 // Whatever the activity threw (TaskFailedException after the last retry), the incident must go on.
        catch (Exception e) // orchestrator code has no cancellation token: the engine stops a turn by not resuming it, never by throwing here
#pragma warning restore CA1031
        {
            var reason = $"{retry.MaxAttempts} attempts failed: {e.Message}";
            return effect is IncidentEffect.Page page
                ? new IncidentCommand.RecordPageUndeliverable(page.ToRef(), PageFailure.GaveUp, reason)
                : new IncidentCommand.RecordEffectAbandoned(IncidentContracts.NameOf(effect), effect.EventNumber, retry.MaxAttempts, e.Message);
        }
    }
}
