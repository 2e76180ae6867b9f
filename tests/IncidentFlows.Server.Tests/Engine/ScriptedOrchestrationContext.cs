using DurableTask.Core;

namespace IncidentFlows.Server.Tests.Engine;

/// <summary>
/// A DTFx orchestration context the spec drives by hand: it sets the orchestration's time, fires the
/// timers it chooses and reads what the adapter sent and continued with.
/// </summary>
internal sealed class ScriptedOrchestrationContext : OrchestrationContext
{
    public ScriptedOrchestrationContext(string instanceId, DateTime now)
    {
        OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = "execution-1" };
        Now = now;
    }

    public DateTime Now { get; set; }

    public override DateTime CurrentUtcDateTime => Now;

    public List<(DateTime FireAt, Action Fire)> Timers { get; } = [];

    public List<(OrchestrationInstance To, string Name, object Data)> Sent { get; } = [];

    public object? ContinuedWith { get; private set; }

    /// <summary>Moves the orchestration's time to <paramref name="at"/> and fires the latest timer.</summary>
    public void FireLatestTimerAt(DateTime at)
    {
        Now = at;
        Timers[^1].Fire();
    }

    public override Task<T> CreateTimer<T>(DateTime fireAt, T state) => CreateTimer(fireAt, state, CancellationToken.None);

    public override Task<T> CreateTimer<T>(DateTime fireAt, T state, CancellationToken cancelToken)
    {
        var fired = new TaskCompletionSource<T>();
        cancelToken.Register(() => fired.TrySetCanceled(cancelToken));
        Timers.Add((fireAt, () => fired.TrySetResult(state)));
        return fired.Task;
    }

    public override void SendEvent(OrchestrationInstance orchestrationInstance, string eventName, object eventData) =>
        Sent.Add((orchestrationInstance, eventName, eventData));

    public override void ContinueAsNew(object input) => ContinuedWith = input;

    public override void ContinueAsNew(string newVersion, object input) => ContinuedWith = input;

    public override Task<TResult> ScheduleTask<TResult>(string name, string version, params object[] parameters) => throw new NotSupportedException();

    public override Task<T> CreateSubOrchestrationInstance<T>(string name, string version, object input) => throw new NotSupportedException();

    public override Task<T> CreateSubOrchestrationInstance<T>(string name, string version, string instanceId, object input) => throw new NotSupportedException();

    public override Task<T> CreateSubOrchestrationInstance<T>(string name, string version, string instanceId, object input, IDictionary<string, string> tags) =>
        throw new NotSupportedException();
}
