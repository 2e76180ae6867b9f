using DurableTask.AzureStorage;
using DurableTask.Core;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.Server.Engine;

/// <summary>
/// Runs the incidents on the Durable Task Framework: creates the team's task hub if missing, starts a
/// <see cref="TaskHubWorker"/> with the orchestration and its activities, and a <see cref="TaskHubClient"/>
/// for commands. Starts after <see cref="IncidentFlowsStartup"/> (tables made, team loaded); then gives
/// every open incident a running instance (<see cref="IncidentResumer"/>), at start and hourly.
/// </summary>
public sealed partial class IncidentEngine(
    IncidentActivities activities,
    IncidentResumer resumer,
    IOptions<EngineOptions> engine,
    IOptions<IncidentFlowsOptions> flows,
    ILoggerFactory logs,
    ILogger<IncidentEngine> log) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan ResumeInterval = TimeSpan.FromHours(1);
    private readonly CancellationTokenSource _stopping = new();
    private TaskHubWorker? _worker;
    private TaskHubClient? _client;
    private Task? _resuming;

    public TaskHubClient Client => _client ?? throw new InvalidOperationException("The incident engine has not started.");

    /// <summary>The task hub this server works on.</summary>
    public string TaskHubName { get; private set; } = "";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = EngineSettings.For(engine.Value, flows.Value.Storage, flows.Value.Team.Id, logs);
        TaskHubName = settings.TaskHubName;

        // One service for worker and client: a command for a partition this server holds skips the poll.
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        _worker = new TaskHubWorker(service, logs);
        _worker.AddTaskOrchestrations(new FreshObjectCreator<TaskOrchestration>(IncidentOrchestration.Name, () => new IncidentTurnOrchestration()));
        _worker.AddTaskActivities(IncidentActivityTasks.Creators(activities, _stopping.Token));
        _client = new TaskHubClient(service, loggerFactory: logs);
        await _worker.StartAsync();
        LogStarted(TaskHubName, settings.WorkerId);
        _resuming = ResumeAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_resuming is not null)
        {
            try
            {
                await _resuming;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // our own stop, mid-resume: the next start resumes again
            }
        }

        if (_worker is not null)
        {
            // Graceful: in-flight episodes and activities finish; what does not is retried after its visibility timeout.
            try
            {
                await _worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogStopTimedOut(); // the host's shutdown timeout: storage gone or work still running
            }

            _worker = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ResumeAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(ResumeInterval);
        do
        {
            try
            {
                var resumed = await resumer.ResumeAsync(new TaskHubInstances(this), ct);
                if (resumed.Count > 0)
                {
                    LogResumed(resumed.Count, resumed);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                LogResumeFailed(e);
            }
        }
        while (await WaitAsync(timer, ct));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident engine: Durable Task Framework on task hub {TaskHub} as worker {WorkerId}")]
    private partial void LogStarted(string taskHub, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The incident engine did not stop within the shutdown timeout; unfinished episodes and activities are retried after their visibility timeouts")]
    private partial void LogStopTimedOut();

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} open incident(s) without a running orchestration: {Ids}")]
    private partial void LogResumed(int count, IReadOnlyList<string> ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resuming open incidents failed; retrying in an hour")]
    private partial void LogResumeFailed(Exception exception);
}
