using IncidentFlows.App.Hosting;
using IncidentFlows.App.OnCall;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentFlows.App.Sweeps;

/// <summary>
/// Handoff digests: on a fixed tick, every handoff of every schedule in the tick's window gets a
/// digest of the open incidents it hands over. Windows are whole ticks ending at the tick, so
/// consecutive ticks cover time without gaps or overlaps.
/// </summary>
public sealed class HandoffDigestSweep(TeamConfigurations teams, TeamIncidents incidents, ISweepNotices notices, IOptions<IncidentFlowsOptions> options)
{
    /// <summary>The Functions timer schedule (NCRONTAB, UTC): every 15 minutes, matching <see cref="Tick"/>.</summary>
    public const string Schedule = "0 */15 * * * *";

    public static readonly Duration Tick = Duration.FromMinutes(15);

    /// <summary>The whole tick that ended at or just before <paramref name="now"/>.</summary>
    public static Interval WindowEndingAt(Instant now)
    {
        var end = Instant.FromUnixTimeTicks(now.ToUnixTimeTicks() - (now.ToUnixTimeTicks() % Tick.BclCompatibleTicks));
        return new Interval(end - Tick, end);
    }

    /// <summary>Sends the digests of every handoff in <paramref name="window"/>; returns how many were sent.</summary>
    public async Task<int> RunAsync(Interval window, CancellationToken ct)
    {
        var teamId = options.Value.Team.Id;
        if (!await teams.LoadStoredAsync(teamId, ct)) // fresh: another instance may have replaced it
        {
            return 0;
        }

        var configuration = teams.Configuration;
        var open = new List<OpenIncidentSummary>();
        await foreach (var incident in incidents.AllAsync(teamId, ct))
        {
            if (incident.Status.IsOpen())
            {
                open.Add(new OpenIncidentSummary(incident.Id.Value, incident.Title, incident.Severity.Display(), incident.Service, incident.Times.Reported));
            }
        }

        var sent = 0;
        foreach (var scheduleId in configuration.Schedules.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var entry in HandoffDigest.For(configuration, scheduleId, window, open))
            {
                await notices.SendHandoffDigestAsync(entry, ct);
                sent++;
            }
        }

        return sent;
    }
}
