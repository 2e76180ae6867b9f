using IncidentFlows.App.Hosting;
using IncidentFlows.App.OnCall;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentFlows.App.Sweeps;

/// <summary>Once a working day: a reminder for every unfinished action item past its due date, most overdue first.</summary>
public sealed class OverdueActionItemSweep(TeamConfigurations teams, TeamIncidents incidents, ISweepNotices notices, IOptions<IncidentFlowsOptions> options)
{
    /// <summary>The Functions timer schedule (NCRONTAB, UTC): 08:00 Monday to Friday.</summary>
    public const string Schedule = "0 0 8 * * 1-5";

    /// <summary>Sends the reminders due at <paramref name="now"/> in the team's zone; returns how many were sent.</summary>
    public async Task<int> RunAsync(Instant now, CancellationToken ct)
    {
        var teamId = options.Value.Team.Id;
        if (!await teams.LoadStoredAsync(teamId, ct))
        {
            return 0;
        }

        var all = new List<Incident>();
        await foreach (var incident in incidents.AllAsync(teamId, ct))
        {
            all.Add(incident);
        }

        var overdue = OverdueActionItems.At(all, now, teams.Current.Zone);
        foreach (var item in overdue)
        {
            await notices.RemindOverdueAsync(item, ct);
        }

        return overdue.Count;
    }
}
