using IncidentFlows.App.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace IncidentFlows.Functions.Durable;

/// <summary>The incident orchestration's trigger: one instance per incident, one turn per execution (App/Durable/IncidentOrchestration).</summary>
public static class IncidentOrchestrator
{
    [Function(IncidentOrchestration.Name)]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<string>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without an input.");
        return IncidentOrchestration.RunAsync(new OrchestrationContextAdapter(context), input);
    }
}

/// <summary><see cref="TaskOrchestrationContext"/> behind the App layer's port, one call for one call.</summary>
internal sealed class OrchestrationContextAdapter(TaskOrchestrationContext context) : IIncidentOrchestrationContext
{
    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public Task<string> WaitForCommandAsync(CancellationToken ct) =>
        context.WaitForExternalEvent<string>(IncidentOrchestration.CommandEvent, ct);

    public Task CreateTimerAsync(DateTime fireAtUtc, CancellationToken ct) => context.CreateTimer(fireAtUtc, ct);

    public Task<string?> CallActivityAsync(string name, string input, ActivityRetry retry) =>
        context.CallActivityAsync<string?>(
            name,
            input,
            TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval)));

    public void ContinueAsNew(string input) => context.ContinueAsNew(input, preserveUnprocessedEvents: true);
}
