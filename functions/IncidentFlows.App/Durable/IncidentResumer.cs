using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Sweeps;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Durable;

/// <summary>
/// Gives every incident that is not closed or declined a running orchestration, started from its
/// stored state with no pending command, so it waits for commands and re-arms its wake-up timer. The
/// timeline table is the source of truth, so this heals an instance that failed (storage down past
/// its retries) and lets an upgrade that must stop all instances (docs/deploy.md) lose nothing.
/// </summary>
public sealed class IncidentResumer(TeamIncidents incidents, IOptions<IncidentFlowsOptions> options)
{
    /// <summary>The Functions timer schedule (NCRONTAB, UTC): five past every hour.</summary>
    public const string Schedule = "0 5 * * * *";

    /// <summary>Starts the missing instances; returns the ids of the incidents resumed.</summary>
    public async Task<IReadOnlyList<string>> ResumeAsync(IIncidentInstances instances, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var resumed = new List<string>();
        await foreach (var (state, version) in incidents.AllLoadedAsync(options.Value.Team.Id, ct))
        {
            if (state is null or { Status: IncidentStatus.Closed or IncidentStatus.Declined } || await instances.IsRunningAsync(state.Id.Value, ct))
            {
                continue;
            }

            await instances.StartAsync(state.Id.Value, IncidentJson.Serialize(new IncidentFlowInput(state.Id, state, version, [])), ct);
            resumed.Add(state.Id.Value);
        }

        return resumed;
    }
}
