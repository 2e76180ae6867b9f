using System.Text.Json;
using IncidentFlows.App.Durable;
using P = Microsoft.DurableTask.Protobuf;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>The history events a spec delivers and what it reads from the worker's answers.</summary>
internal sealed partial class WorkerEpisodes
{
    /// <summary>The sample team's configuration for LoadTeamConfiguration, nothing for the rest.</summary>
    public static P.HistoryEvent Succeed(int id, string name, string input) =>
        Completed(id, name == IncidentActivities.LoadTeamConfiguration ? SampleIncident.TeamDocument : null);

    public static P.HistoryEvent Completed(int taskScheduledId, string? result) =>
        Event(e => e.TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = taskScheduledId, Result = result is null ? null : JsonSerializer.Serialize(result) });

    public static P.HistoryEvent Failed(int taskScheduledId, string message) =>
        Event(e => e.TaskFailed = new P.TaskFailedEvent
        {
            TaskScheduledId = taskScheduledId,
            FailureDetails = new P.TaskFailureDetails { ErrorType = typeof(HttpRequestException).FullName, ErrorMessage = message },
        });

    /// <summary>An external event as a client's RaiseEventAsync delivers it (the payload JSON-encoded by the data converter).</summary>
    public static P.HistoryEvent Raised(string name, string payload) =>
        Event(e => e.EventRaised = new P.EventRaisedEvent { Name = name, Input = JsonSerializer.Serialize(payload) });

    /// <summary>The events a ContinueAsNew answer hands to the next execution: its carry-over and what it sent to itself.</summary>
    public static P.HistoryEvent[] ForNextExecution(P.OrchestratorResponse response, string instanceId) =>
    [
        .. response.Actions.Where(a => a.CompleteOrchestration is { OrchestrationStatus: P.OrchestrationStatus.ContinuedAsNew })
            .SelectMany(a => a.CompleteOrchestration.CarryoverEvents),
        .. response.Actions.Where(a => a.SendEvent is { } sent && sent.Instance.InstanceId == instanceId)
            .Select(a => Event(e => e.EventRaised = new P.EventRaisedEvent { Name = a.SendEvent.Name, Input = a.SendEvent.Data })),
    ];

    /// <summary>The new input of a ContinueAsNew answer, or null when the answer is not one.</summary>
    public static string? ContinuedWith(P.OrchestratorResponse response) =>
        response.Actions.FirstOrDefault(a => a.CompleteOrchestration is { OrchestrationStatus: P.OrchestrationStatus.ContinuedAsNew }) is { } done
            ? JsonSerializer.Deserialize<string>(done.CompleteOrchestration.Result)
            : null;

    /// <summary>An activity the answer schedules, with its input decoded.</summary>
    public static IEnumerable<(int Id, string Name, string Input)> ScheduledTasks(P.OrchestratorResponse response) =>
        response.Actions.Where(a => a.ScheduleTask is not null)
            .Select(a => (a.Id, a.ScheduleTask.Name, ActivityInput(a.ScheduleTask)));

    /// <summary>An activity's input as the orchestrator passed it (the worker sends DTFx's parameter array of one).</summary>
    public static string ActivityInput(P.ScheduleTaskAction task)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var json = JsonDocument.Parse(task.Input ?? "null");
        var value = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement[0] : json.RootElement;
        return value.GetString() ?? "";
    }
}
