using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Hosting;

/// <summary>
/// Runs before anything serves or schedules (hosted services start in order): creates the tables and
/// loads the team's configuration, from the configured file (validated, then stored) or from storage.
/// An invalid or missing configuration stops the start with every problem listed.
/// </summary>
public sealed partial class IncidentFlowsStartup(
    StorageTables tables,
    TeamConfigurations teams,
    IOptions<IncidentFlowsOptions> options,
    IOptions<IncidentFlowsStartupOptions> startup,
    ILogger<IncidentFlowsStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.DevelopmentMode)
        {
            LogDevelopmentMode();
        }

        await tables.CreateAllAsync(cancellationToken);
        if (settings.Team.ConfigFile is { Length: > 0 } file)
        {
            var problems = await teams.ReplaceAsync(await File.ReadAllTextAsync(file, cancellationToken), serverTeam: null, cancellationToken); // the team is checked below, naming the setting
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The team configuration {file} is invalid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
            }

            var loaded = teams.Current.TeamId;
            if (settings.Team.Id.Length > 0 && settings.Team.Id != loaded)
            {
                throw new InvalidOperationException($"IncidentFlows:Team:Id is '{settings.Team.Id}' but {file} describes team '{loaded}'.");
            }

            // The file names the team; everything that reads IncidentFlows:Team:Id (sweeps, stores) sees it.
            settings.Team.Id = loaded;
            LogLoaded(loaded, file);
            return;
        }

        if (!await teams.LoadStoredAsync(settings.Team.Id, cancellationToken))
        {
            if (!startup.Value.RequireTeamConfiguration)
            {
                LogNotLoadedYet(settings.Team.Id);
                return;
            }

            throw new InvalidOperationException(
                $"No configuration is stored for team '{settings.Team.Id}': set IncidentFlows:Team:ConfigFile to load one (docs/oncall-config.md).");
        }

        LogLoaded(teams.Current.TeamId, "storage");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT MODE: the API accepts requests without credentials and the bot endpoint accepts unauthenticated activities. Never use this outside a developer machine.")]
    private partial void LogDevelopmentMode();

    [LoggerMessage(Level = LogLevel.Warning, Message = "No configuration is stored for team '{TeamId}' yet: load one with PUT /api/oncall/configuration (docs/deploy.md)")]
    private partial void LogNotLoadedYet(string teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} configuration loaded from {Source}")]
    private partial void LogLoaded(string teamId, string source);
}
