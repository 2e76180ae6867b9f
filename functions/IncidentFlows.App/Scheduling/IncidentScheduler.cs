using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Scheduling;

/// <summary>
/// The standalone driver's clock: while it holds the scheduler lease it sweeps due wake-ups every
/// <see cref="SchedulerOptions.SweepInterval"/> (and at once when a command signals new effects) and
/// brings those incidents up to date. A process without the lease only retries for it, so two
/// servers never run the same timers or effects.
/// </summary>
public sealed partial class IncidentScheduler(
    IWakeUps wakeUps,
    ILeases leases,
    IncidentWorker worker,
    PendingWork pending,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    ILogger<IncidentScheduler> log) : BackgroundService, Sweeps.ISweepLeadership
{
    public const string LeaseName = "scheduler";
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private Lease? _lease;

    /// <summary>True while this process runs the timers.</summary>
    public bool IsLeader => _lease is not null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.SweepInterval, clock);
        Task<bool>? tick = null;
        Task<bool>? signal = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await HoldLeaseAsync(settings, stoppingToken);
                if (_lease is not null)
                {
                    busy = await SweepAsync(settings, stoppingToken) >= settings.BatchSize;
                }
                else
                {
                    while (pending.TryRead(out _))
                    {
                        // Not ours to run: the leader finds this work through the wake-ups index.
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything but our own shutdown, an HttpClient timeout (OperationCanceledException) included,
                // fails this sweep only: the service keeps sweeping.
                LogSweepFailed(e);
            }

            if (busy)
            {
                continue; // more is due than one batch took: sweep again now, not at the next tick
            }

            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            signal ??= pending.WaitToReadAsync(stoppingToken).AsTask();
            var woke = await Task.WhenAny(tick, signal);
            tick = woke == tick ? null : tick;
            signal = woke == signal ? null : signal;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_lease is { } lease)
        {
            // Best effort and brief: an unreleased lease only delays the next process by its expiry.
            using var brief = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            brief.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await leases.ReleaseAsync(lease, brief.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or Azure.RequestFailedException)
            {
                LogReleaseFailed(e.Message);
            }

            _lease = null;
        }
    }

    private async Task HoldLeaseAsync(SchedulerOptions settings, CancellationToken ct)
    {
        var held = _lease is null
            ? await leases.TryAcquireAsync(LeaseName, _owner, settings.LeaseDuration, ct)
            : await leases.RenewAsync(_lease, settings.LeaseDuration, ct);
        if ((held is null) != (_lease is null))
        {
            LogLeadership(held is not null);
        }

        _lease = held;
    }

    /// <summary>Brings every signalled and due incident up to date (one batch); returns how many were due.</summary>
    private async Task<int> SweepAsync(SchedulerOptions settings, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < settings.BatchSize && pending.TryRead(out var signalled))
        {
            ids.Add(signalled.Value);
        }

        var due = await wakeUps.DueAsync(clock.GetUtcNow(), settings.BatchSize, ct);
        foreach (var wake in due)
        {
            ids.Add(wake.IncidentId);
        }

        await Parallel.ForEachAsync(
            ids,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = ct },
            async (id, token) =>
            {
                try
                {
                    await worker.ProcessAsync(new IncidentId(id), token);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    LogIncidentFailed(e, id); // its wake-up stays due: the next sweep retries it
                }
            });
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler lease: {Held} (true: this process runs timers and effects)")]
    private partial void LogLeadership(bool held);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the scheduler lease ({Reason}); another process takes over when it expires")]
    private partial void LogReleaseFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep failed; retrying at the next tick")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bringing incident {IncidentId} up to date failed; it stays due")]
    private partial void LogIncidentFailed(Exception exception, string incidentId);
}
