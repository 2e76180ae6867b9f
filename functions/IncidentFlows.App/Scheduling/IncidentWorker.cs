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
/// A failed effect stays in the outbox and is retried with a growing delay.
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
    /// Runs the effects in order and returns the state after their results. A failing effect is left in
    /// the outbox for a retry with a growing delay; the others, and the incident's timers, go on — a
    /// broken Teams post must never hold up a page.
    /// </summary>
    private async Task<Incident?> RunEffectsAsync(IncidentId id, Incident? state, IReadOnlyList<OutboxItem> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            var effect = IncidentJson.Deserialize<IncidentEffect>(item.Payload);
            using var span = telemetry.StartEffect(effect);
            try
            {
                var result = await runner.RunAsync(effect, state!, ct);
                telemetry.Delivered(effect, state!, team.Current.TeamId, clock.GetUtcNow());
                if (result is not null)
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
                IncidentTelemetry.Failed(span, e);
                var count = (_failures.TryGetValue(Key(id, item), out var before) ? before.Count : 0) + 1;
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count), 300));
                _failures[Key(id, item)] = (count, clock.GetUtcNow() + delay);
                LogEffectFailed(e, id.Value, item.Kind, count, delay);
            }
        }

        return state;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of effect {Kind} of incident {IncidentId} was refused: {Reason}")]
    private partial void LogResultRefused(string incidentId, string kind, string reason);
}
