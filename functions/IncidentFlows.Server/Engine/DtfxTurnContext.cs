using DurableTask.Core;
using IncidentFlows.App.Durable;

namespace IncidentFlows.Server.Engine;

/// <summary>
/// The Durable Task Framework's <see cref="OrchestrationContext"/> behind the turn's port, one execution.
/// DTFx Core has no external-event waits and no preserveUnprocessedEvents, so this rebuilds both:
/// command events go to the oldest open wait or into a buffer, and at ContinueAsNew every command the
/// turn did not take — the buffer, then whatever arrives after ContinueAsNew in the same batch, the
/// answer to a kept, still-open wait included — is sent back to the instance (no execution id), in the
/// order it arrived, so the next execution takes it.
/// </summary>
/// <remarks>
/// Orchestrator code: everything here runs on DTFx's synchronous scheduler. The waits complete inline
/// (no RunContinuationsAsynchronously), so <c>Task.WhenAny(command, timer)</c> replays the same way.
/// </remarks>
internal sealed class DtfxTurnContext(OrchestrationContext context) : IIncidentOrchestrationContext
{
    private readonly Queue<string> _unclaimed = new();
    private readonly LinkedList<TaskCompletionSource<string>> _waits = new();
    private bool _continued;

    public DateTime CurrentUtcDateTime => DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc);

    public Task<string> WaitForCommandAsync(CancellationToken ct)
    {
        if (_unclaimed.TryDequeue(out var buffered))
        {
            return Task.FromResult(buffered);
        }

        var wait = new TaskCompletionSource<string>();
        var node = _waits.AddLast(wait);
        if (ct.CanBeCanceled)
        {
            ct.Register(() =>
            {
                if (wait.TrySetCanceled(ct))
                {
                    _waits.Remove(node);
                }
            });
        }

        return wait.Task;
    }

    /// <summary>
    /// Waits until the orchestration's time reaches <paramref name="fireAtUtc"/>: a timer that fires early
    /// (queue visibility is whole seconds) is armed again for the rest, and a wait longer than
    /// <see cref="EngineOptions.MaxTimerStep"/> is a chain of timers.
    /// </summary>
    public async Task CreateTimerAsync(DateTime fireAtUtc, CancellationToken ct)
    {
        var fireAt = DateTime.SpecifyKind(fireAtUtc, DateTimeKind.Utc);
        while (CurrentUtcDateTime < fireAt)
        {
            var step = fireAt - CurrentUtcDateTime > EngineOptions.MaxTimerStep ? CurrentUtcDateTime + EngineOptions.MaxTimerStep : fireAt;
            await context.CreateTimer(step, true, ct);
        }
    }

    public Task<string?> CallActivityAsync(string name, string input, ActivityRetry retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var options = new RetryOptions(retry.FirstRetryInterval, retry.MaxAttempts)
        {
            BackoffCoefficient = retry.BackoffCoefficient,
            MaxRetryInterval = retry.MaxRetryInterval,
        };
        return context.ScheduleWithRetry<string?>(name, "", options, input);
    }

    public void ContinueAsNew(string input)
    {
        _continued = true;
        _waits.Clear(); // a kept wait belongs to this execution; what would have answered it goes to the next
        context.ContinueAsNew(input);
        while (_unclaimed.TryDequeue(out var command))
        {
            SendBack(command);
        }
    }

    /// <summary>A command event of this execution (DTFx calls it for each event of a batch, in order).</summary>
    public void Deliver(string command)
    {
        if (_continued)
        {
            SendBack(command);
            return;
        }

        if (_waits.First is { } oldest)
        {
            _waits.RemoveFirst();
            oldest.Value.TrySetResult(command);
            return;
        }

        _unclaimed.Enqueue(command);
    }

    private void SendBack(string command) =>
        context.SendEvent(new OrchestrationInstance { InstanceId = context.OrchestrationInstance.InstanceId }, IncidentOrchestration.CommandEvent, command);
}
