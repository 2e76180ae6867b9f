using System.Collections.Concurrent;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
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
    ILogger<IncidentWorker> log)
{
    private const int MaxRounds = 20;
    private readonly ConcurrentDictionary<string, int> _failures = new();

    public async Task ProcessAsync(IncidentId id, CancellationToken ct)
    {
        var (state, _) = await incidents.LoadAsync(id, ct);
        for (var round = 0; round < MaxRounds; round++)
        {
            var pending = await outbox.ListPendingAsync(id.Value, ct);
            if (pending.Count > 0)
            {
                if (await RunEffectsAsync(id, state, pending, ct) is not { } after)
                {
                    return; // an effect failed: retried later, the wake-up was moved to the retry time
                }

                state = after;
            }
            else if (round == 0 && state is not null)
            {
                // Nothing pending on arrival: a crash may have come between a commit and its index write.
                await index.UpsertAsync(IncidentSummaries.Of(state, team.Current.TeamId), ct);
            }

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

            if (pending.Count == 0)
            {
                break;
            }
        }

        await RescheduleAsync(id, state, ct);
    }

    /// <summary>Runs the effects in order; returns the state after their results, or null when one failed.</summary>
    private async Task<Incident?> RunEffectsAsync(IncidentId id, Incident? state, IReadOnlyList<OutboxItem> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            var effect = IncidentJson.Deserialize<IncidentEffect>(item.Payload);
            try
            {
                if (await runner.RunAsync(effect, state!, ct) is { } result)
                {
                    var recorded = await commands.HandleWhileDueAsync(id, result, ct);
                    if (recorded.Decision.Error is { } error)
                    {
                        LogResultRefused(id.Value, item.Kind, error.Message);
                    }

                    state = recorded.State ?? state;
                }

                await outbox.CompleteAsync(id.Value, item.Id, ct);
                _failures.TryRemove(item.Id, out _);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var failures = _failures.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures), 300));
                LogEffectFailed(e, id.Value, item.Kind, failures, delay);
                await wakeUps.ScheduleAsync(id.Value, clock.GetUtcNow() + delay, ct);
                return null;
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
        await wakeUps.ScheduleAsync(id.Value, at, ct);
        if ((await outbox.ListPendingAsync(id.Value, ct)).Count > 0)
        {
            await wakeUps.ScheduleAsync(id.Value, clock.GetUtcNow(), ct);
        }
        else if (at == DateTimeOffset.MaxValue)
        {
            await wakeUps.RemoveAsync(id.Value, at, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Effect {Kind} of incident {IncidentId} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogEffectFailed(Exception exception, string incidentId, string kind, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of effect {Kind} of incident {IncidentId} was refused: {Reason}")]
    private partial void LogResultRefused(string incidentId, string kind, string reason);
}
