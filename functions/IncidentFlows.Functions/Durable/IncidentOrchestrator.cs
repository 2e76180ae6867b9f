using IncidentFlows.App.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

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
/// <remarks>
/// ContinueAsNew keeps unprocessed events, and none is lost at the end of a turn (docs/functions-host.md,
/// "Commands at the end of a turn"): an event that arrived during the turn with nobody waiting is sent
/// back to the instance by durabletask-dotnet; one that arrives in the same batch after ContinueAsNew is
/// kept by DTFx for the next execution and never reaches the wait the timer's turn left open.
/// </remarks>
internal sealed partial class OrchestrationContextAdapter(TaskOrchestrationContext context) : IIncidentOrchestrationContext
{
    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public Task<string> WaitForCommandAsync(CancellationToken ct) =>
        context.WaitForExternalEvent<string>(IncidentOrchestration.CommandEvent, ct);

    public Task CreateTimerAsync(DateTime fireAtUtc, CancellationToken ct) => context.CreateTimer(fireAtUtc, ct);

    /// <summary>
    /// Calls the activity with its retry policy. When the last attempt fails too, says so in the log
    /// (once, not on replays) before the turn decides what to do: an effect is given up and the incident
    /// goes on, so without this line a page that was never delivered would leave no trace but the history.
    /// </summary>
    public async Task<string?> CallActivityAsync(string name, string input, ActivityRetry retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        try
        {
            return await context.CallActivityAsync<string?>(
                name,
                input,
                TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval)));
        }
        catch (TaskFailedException e)
        {
            GaveUp(context.CreateReplaySafeLogger<OrchestrationContextAdapter>(), name, context.InstanceId, retry.MaxAttempts, e.FailureDetails.ErrorType, e.FailureDetails.ErrorMessage);
            throw;
        }
    }

    public void ContinueAsNew(string input) => context.ContinueAsNew(input, preserveUnprocessedEvents: true);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Activity {Activity} of incident {Incident} failed {Attempts} times and was given up; last failure: {ErrorType}: {ErrorMessage}")]
    private static partial void GaveUp(ILogger logger, string activity, string incident, int attempts, string errorType, string errorMessage);
}
