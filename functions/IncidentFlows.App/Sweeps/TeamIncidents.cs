using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Sweeps;

/// <summary>The team's incidents from the index, loaded as states, page by page (for sweeps, not requests).</summary>
public sealed class TeamIncidents(IIncidentIndex index, IncidentRepository incidents)
{
    public async IAsyncEnumerable<Incident> AllAsync(string teamId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var loaded in AllLoadedAsync(teamId, ct))
        {
            yield return loaded.State!;
        }
    }

    /// <summary>Each incident with the sequence of its last stored commit.</summary>
    public async IAsyncEnumerable<LoadedIncident> AllLoadedAsync(string teamId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await index.ListByTeamAsync(teamId, null, 200, token, ct);
            foreach (var summary in page.Items)
            {
                if (await incidents.LoadAsync(new IncidentId(summary.Id), ct) is { State: not null } loaded)
                {
                    yield return loaded;
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
