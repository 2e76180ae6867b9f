using System.Collections.Concurrent;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace IncidentFlows.App.Scheduling;

/// <summary>
/// Brings one incident up to date: runs its pending effects in order (feeding their results back as
/// commands), fires its timer when due, and sets its next wake-up. Only the scheduler that holds the
/// lease calls it, one call per incident at a time, so an effect is never run by two workers at once.
/// A failed effect stays in the outbox and is retried with a growing delay, up to
/// <see cref="MaxEffectAttempts"/>; then it is recorded on the timeline as undeliverable or abandoned.
/// Effects run in the order the turn derived them, pages first.
/// </summary>
public sealed partial class IncidentWorker(
    IncidentRepository incidents,
    IIncidentOutbox outbox,
    IIncidentIndex index,
    IWakeUps wakeUps,
    IEffectRunner runner,
    IncidentCommandHandler commands,
    ITeamContextSource team,
    TimeProvider clock,
    IncidentTelemetry telemetry,
    ILogger<IncidentWorker> log)
{
    private const int MaxRounds = 20;

    /// <summary>Attempts before an effect is given up and recorded so (back-off 2, 4, … 32 s: about a minute).</summary>
    public const int MaxEffectAttempts = 6;
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset RetryAt)> _failures = new();

    public async Task ProcessAsync(IncidentId id, CancellationToken ct)
    {
        var (state, _) = await incidents.LoadAsync(id, ct);
        for (var round = 0; round < MaxRounds; round++)
        {
            var pending = Runnable(id, await outbox.ListPendingAsync(id.Value, ct));
            state = await RunEffectsAsync(id, state, pending, ct);

            if (WakeUps.Next(state) is { } wake && wake.At.ToDateTimeOffset() <= clock.GetUtcNow())
            {
                var fired = await commands.HandleWhileDueAsync(id, wake.Command, ct);
                if (fired.Decision.Events.Count == 0)
                {
                    break; // a due timer that decided nothing must not spin
                }

                state = fired.State;
                continue;
            }

            if (pending.Count == 0 || pending.All(i => _failures.ContainsKey(Key(id, i))))
            {
                break;
            }
        }

        if (state is not null)
        {
            // Heals the index after a crash between a commit and its index write.
            await index.UpsertAsync(IncidentSummaries.Of(state, team.Current.TeamId), ct);
        }

        await RescheduleAsync(id, state, ct);
    }

    /// <summary>Pending items, less those that failed and wait for their retry time.</summary>
    private List<OutboxItem> Runnable(IncidentId id, IReadOnlyList<OutboxItem> items)
    {
        var now = clock.GetUtcNow();
        return [.. items.Where(i => !_failures.TryGetValue(Key(id, i), out var failed) || failed.RetryAt <= now)];
    }

    /// <summary>Outbox item ids are per incident; failures are remembered across incidents.</summary>
    private static string Key(IncidentId id, OutboxItem item) => $"{id.Value}/{item.Id}";

    /// <summary>
    /// Runs the effects, pages first and together, and returns the state after their results. A failing
    /// effect is left in the outbox for a retry with a growing delay; the others, and the incident's
    /// timers, go on — a broken Teams post must never hold up a page.
    /// </summary>
    private async Task<Incident?> RunEffectsAsync(IncidentId id, Incident? state, IReadOnlyList<OutboxItem> items, CancellationToken ct)
    {
        var effects = items.Select(i => (Item: i, Effect: IncidentJson.Deserialize<IncidentEffect>(i.Payload))).ToList();

        // Pages first and all at once (they only read the state), as in the Durable turn; then the rest in order.
        var pages = effects.Where(e => e.Effect is IncidentEffect.Page).Select(e => (e.Item, e.Effect, Run: RunAsync(e.Effect, state, ct))).ToList();
        foreach (var (item, effect, run) in pages)
        {
            state = await SettleAsync(id, state, item, effect, run, ct);
        }

        foreach (var (item, effect) in effects.Where(e => e.Effect is not IncidentEffect.Page))
        {
            state = await SettleAsync(id, state, item, effect, RunAsync(effect, state, ct), ct);
        }

        return state;
    }

    /// <summary>An async wrapper, so whatever the runner throws arrives through the task, started or not; one span per attempt.</summary>
    private async Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident? state, CancellationToken ct)
    {
        using var span = telemetry.StartEffect(effect);
        try
        {
            var result = await runner.RunAsync(effect, state!, ct);
            telemetry.Delivered(effect, result, state!, team.Current.TeamId, clock.GetUtcNow());
            return result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            IncidentTelemetry.Failed(span, e); // retried by SettleAsync, or given up there
            throw;
        }
    }

    /// <summary>Takes an effect's result as a command and completes it; a failure is retried later, or given up after the last attempt.</summary>
    private async Task<Incident?> SettleAsync(IncidentId id, Incident? state, OutboxItem item, IncidentEffect effect, Task<IncidentCommand?> run, CancellationToken ct)
    {
        try
        {
            if (await run is { } result)
            {
                var recorded = await commands.HandleWhileDueAsync(id, result, ct);
                if (recorded.Decision.Error is { } error)
                {
                    LogResultRefused(id.Value, item.Kind, error.Message);
                }

                state = recorded.State ?? state;
            }

            await outbox.CompleteAsync(id.Value, item.Id, ct);
            _failures.TryRemove(Key(id, item), out _);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A timed-out Teams or Graph call is an OperationCanceledException too: a failed attempt, retried.
            var count = (_failures.TryGetValue(Key(id, item), out var before) ? before.Count : 0) + 1;
            if (count >= MaxEffectAttempts)
            {
                return await GiveUpAsync(id, item, effect, count, e, ct) ?? state;
            }

            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count), 300));
            _failures[Key(id, item)] = (count, clock.GetUtcNow() + delay);
            LogEffectFailed(e, id.Value, item.Kind, count, delay);
        }

        return state;
    }

    /// <summary>
    /// The last attempt failed: the effect leaves the outbox and its failure lands on the timeline, a
    /// page as undeliverable (which escalates at once when nobody of its level can be reached), anything
    /// else as abandoned. The same rule as the Durable turn's.
    /// </summary>
    private async Task<Incident?> GiveUpAsync(IncidentId id, OutboxItem item, IncidentEffect effect, int attempts, Exception failure, CancellationToken ct)
    {
        IncidentCommand given = effect is IncidentEffect.Page page
            ? new IncidentCommand.RecordPageUndeliverable(page.ToRef(), PageFailure.GaveUp, $"{attempts} attempts failed: {failure.Message}")
            : new IncidentCommand.RecordEffectAbandoned(item.Kind, effect.EventNumber, attempts, failure.Message);
        var recorded = await commands.HandleWhileDueAsync(id, given, ct);
        await outbox.CompleteAsync(id.Value, item.Id, ct);
        _failures.TryRemove(Key(id, item), out _);
        LogEffectAbandoned(failure, id.Value, item.Kind, attempts);
        return recorded.State;
    }

    /// <summary>
    /// Sets the next wake-up, then looks at the outbox once more: a command committed meanwhile by
    /// another process must not have its marker overwritten by a later timer. An incident that needs
    /// no timer has its wake-up removed only if nobody replaced it in between.
    /// </summary>
    private async Task RescheduleAsync(IncidentId id, Incident? state, CancellationToken ct)
    {
        var at = WakeUps.Next(state)?.At.ToDateTimeOffset() ?? DateTimeOffset.MaxValue;
        var retries = _failures.Where(f => f.Key.StartsWith(id.Value + "/", StringComparison.Ordinal)).Select(f => f.Value.RetryAt);
        at = retries.Append(at).Min(); // wake up for a retry, or earlier for a timer

        await wakeUps.ScheduleAsync(id.Value, at, ct);
        if (Runnable(id, await outbox.ListPendingAsync(id.Value, ct)).Count > 0)
        {
            await wakeUps.ScheduleAsync(id.Value, clock.GetUtcNow(), ct);
        }
        else if (at == DateTimeOffset.MaxValue)
        {
            await wakeUps.RemoveAsync(id.Value, at, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Effect {Kind} of incident {IncidentId} failed (attempt {Attempt}); retrying in {Delay}, other effects and timers go on")]
    private partial void LogEffectFailed(Exception exception, string incidentId, string kind, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Effect {Kind} of incident {IncidentId} failed {Attempts} times; given up and recorded on the timeline")]
    private partial void LogEffectAbandoned(Exception exception, string incidentId, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of effect {Kind} of incident {IncidentId} was refused: {Reason}")]
    private partial void LogResultRefused(string incidentId, string kind, string reason);
}
