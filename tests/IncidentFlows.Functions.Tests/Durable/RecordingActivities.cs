using System.Collections.Concurrent;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents.Effects;
using Microsoft.DurableTask;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>
/// The orchestration's three activities, registered under their real names, recording what the turn
/// asked for: the team's configuration is the sample document, commits and effects are recorded in
/// order. Hooks let a spec act while an activity runs (raise a command, fail).
/// </summary>
internal sealed class RecordingActivities
{
    private readonly ConcurrentQueue<CommitRequest> _commits = new();
    private readonly ConcurrentQueue<IncidentEffect> _effects = new();
    private int _teamLoads;

    /// <summary>
    /// The host's real activities for storage, when a spec runs on Azurite: LoadTeamConfiguration and
    /// PersistIncidentCommit then read and write Table Storage (effects stay recorded: Teams is not here).
    /// </summary>
    public IncidentActivities? Storage { get; init; }

    /// <summary>Runs inside PersistIncidentCommit, before it returns.</summary>
    public Func<CommitRequest, Task> OnCommit { get; set; } = _ => Task.CompletedTask;

    /// <summary>Runs inside RunIncidentEffect and answers for it (the result command's JSON, or null).</summary>
    public Func<EffectRequest, Task<string?>> OnEffect { get; set; } = _ => Task.FromResult<string?>(null);

    public IReadOnlyList<CommitRequest> Commits => [.. _commits];

    public IReadOnlyList<IncidentEffect> Effects => [.. _effects];

    /// <summary>LoadTeamConfiguration runs once per turn, so this counts the turns that took a command.</summary>
    public int TeamLoads => Volatile.Read(ref _teamLoads);

    public void Register(DurableTaskRegistry registry)
    {
        registry.AddActivityFunc<string, string?>(IncidentActivities.LoadTeamConfiguration, async (_, _) =>
        {
            Interlocked.Increment(ref _teamLoads);
            return Storage is null ? SampleIncident.TeamDocument : await Storage.LoadTeamConfigurationAsync(CancellationToken.None);
        });
        registry.AddActivityFunc<string, string?>(IncidentActivities.PersistCommit, async (_, input) =>
        {
            var commit = IncidentJson.Deserialize<CommitRequest>(input);
            await OnCommit(commit);
            if (Storage is not null)
            {
                await Storage.PersistCommitAsync(input, CancellationToken.None);
            }

            _commits.Enqueue(commit);
            return null;
        });
        registry.AddActivityFunc<string, string?>(IncidentActivities.RunEffect, async (_, input) =>
        {
            var request = IncidentJson.Deserialize<EffectRequest>(input);
            _effects.Enqueue(request.Effect);
            return await OnEffect(request);
        });
    }

    /// <summary>Commit <paramref name="sequence"/> once it is stored; fails the spec with the commits seen if it never is.</summary>
    public Task<CommitRequest> CommitAsync(long sequence, TimeSpan? timeout = null) =>
        IncidentFlows.Testing.Poll.UntilSeenAsync(
            () => _commits.FirstOrDefault(c => c.Sequence == sequence),
            () => $"commit v{sequence}; stored: {Describe()}",
            timeout);

    public string Describe() =>
        string.Join("; ", _commits.Select(c => $"v{c.Sequence} [{string.Join(", ", c.Events.Select(e => e.GetType().Name))}]"));
}
