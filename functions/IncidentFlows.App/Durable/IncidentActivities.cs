using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Durable;

/// <summary>
/// The incident orchestration's activities: everything it needs from the world. Each is safe to run
/// again (Durable retries activities and may run one twice after a crash). The Functions host binds
/// each to an <c>[ActivityTrigger]</c> of the same name.
/// </summary>
public sealed class IncidentActivities(
    IIncidentEventStore store,
    IIncidentIndex index,
    IOnCallDocuments documents,
    IncidentRepository incidents,
    IEffectRunner runner,
    IOptions<IncidentFlowsOptions> options,
    IncidentTelemetry telemetry,
    IncidentStory story,
    TimeProvider clock)
{
    public const string LoadTeamConfiguration = "LoadTeamConfiguration";
    public const string PersistCommit = "PersistIncidentCommit";
    public const string RunEffect = "RunIncidentEffect";

    /// <summary>The team's stored configuration document, read fresh so a PUT reaches the next turn of every incident.</summary>
    public Task<string?> LoadTeamConfigurationAsync(CancellationToken ct) => documents.LoadAsync(TeamId, ct);

    /// <summary>
    /// Appends commit N (events and snapshot) to the timeline table and updates the index. Idempotent
    /// by sequence: when commit N is already stored (an earlier attempt succeeded), it only re-indexes.
    /// </summary>
    public async Task PersistCommitAsync(string input, CancellationToken ct)
    {
        var request = IncidentJson.Deserialize<CommitRequest>(input);
        var id = request.Incident.Value;
        using var span = telemetry.StartCommit(request.Incident);
        var commit = new NewCommit([.. request.Events.Select(IncidentRepository.ToStored)], IncidentJson.Serialize(request.State));
        try
        {
            await store.AppendAsync(id, request.Sequence - 1, commit, ct);
            telemetry.Committed(request.Events, request.State, TeamId); // once: a retry of a stored commit lands below
            story.Tell(request.Incident, request.Events);
        }
        catch (ConcurrencyConflictException e)
        {
            // Stored by an earlier attempt (the orchestration is the incident's only writer), or a real gap.
            if ((await store.LoadSnapshotAsync(id, ct))?.Version is not { } stored || stored < request.Sequence)
            {
                IncidentTelemetry.Failed(span, e);
                throw;
            }
        }

        await index.UpsertAsync(IncidentSummaries.Of(request.State, TeamId), ct);
    }

    /// <summary>The Functions host serves the team named in its settings (IncidentFlows__Team__Id).</summary>
    private string TeamId => options.Value.Team.Id;

    /// <summary>Runs one effect against the incident's latest stored state; returns the result command's JSON, or null.</summary>
    public async Task<string?> RunEffectAsync(string input, CancellationToken ct)
    {
        var request = IncidentJson.Deserialize<EffectRequest>(input);
        var (state, _) = await incidents.LoadAsync(request.Incident, ct);
        if (state is null)
        {
            throw new InvalidOperationException($"Incident {request.Incident} has no stored state; its commit must be persisted before its effects run.");
        }

        using var span = telemetry.StartEffect(request.Effect);
        try
        {
            var result = await runner.RunAsync(request.Effect, state, ct);
            telemetry.Delivered(request.Effect, result, state, TeamId, clock.GetUtcNow());
            return result is null ? null : IncidentJson.Serialize<IncidentCommand>(result);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            IncidentTelemetry.Failed(span, e); // Durable retries the activity
            throw;
        }
    }
}
