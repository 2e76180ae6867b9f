using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Domain.OnCall;
using IncidentFlows.Domain.OnCall.Configuration;
using NodaTime;

namespace IncidentFlows.App.OnCall;

/// <summary>
/// The team's configuration as code: validated completely, stored in Table Storage, and served to the
/// decider as the current <see cref="TeamContext"/>. An invalid document changes nothing.
/// </summary>
public sealed class TeamConfigurations(IOnCallDocuments documents) : ITeamContextSource
{
    private TeamContext? _current;
    private TeamConfiguration? _configuration;

    /// <summary>False until a configuration was loaded (from the file, from storage, or by a replace).</summary>
    public bool IsLoaded => _current is not null;

    public TeamContext Current => _current ?? throw new InvalidOperationException("The team configuration has not been loaded yet.");

    /// <summary>The configuration the current context was built from (schedules, people, services).</summary>
    public TeamConfiguration Configuration => _configuration ?? throw new InvalidOperationException("The team configuration has not been loaded yet.");

    /// <summary>Validates <paramref name="json"/>; if valid, stores it and makes it current. Returns the problems otherwise.</summary>
    /// <param name="json">The document.</param>
    /// <param name="serverTeam">The team this server serves, when it is known: a document of another team is refused, never a silent switch.</param>
    /// <param name="ct">Cancels the store.</param>
    public async Task<IReadOnlyList<ConfigProblem>> ReplaceAsync(string json, string? serverTeam, CancellationToken ct)
    {
        switch (TeamConfigurationParser.Parse(json))
        {
            case TeamConfigurationResult.Invalid invalid:
                return invalid.Problems;
            case TeamConfigurationResult.Valid valid when serverTeam is { Length: > 0 } && valid.Configuration.Team.Id != serverTeam:
                return [new ConfigProblem("team.id", $"This server serves team '{serverTeam}'; the document is for team '{valid.Configuration.Team.Id}'. Send that team's configuration to its own server.")];
            case TeamConfigurationResult.Valid valid:
                await documents.SaveAsync(valid.Configuration.Team.Id, json, ct);
                Use(valid.Configuration);
                return [];
            default:
                throw new InvalidOperationException("Unknown configuration result.");
        }
    }

    /// <summary>Loads the stored document unless one is loaded already; false when there is none.</summary>
    public async Task<bool> EnsureLoadedAsync(string teamId, CancellationToken ct) => IsLoaded || await LoadStoredAsync(teamId, ct);

    /// <summary>Loads the stored document of <paramref name="teamId"/>; false when none is stored.</summary>
    public async Task<bool> LoadStoredAsync(string teamId, CancellationToken ct)
    {
        if (await documents.LoadAsync(teamId, ct) is not { } json)
        {
            return false;
        }

        Use(TeamConfigurationParser.Parse(json) switch
        {
            TeamConfigurationResult.Valid valid => valid.Configuration,
            TeamConfigurationResult.Invalid invalid =>
                throw new InvalidOperationException($"The stored configuration of team {teamId} is invalid: {string.Join("; ", invalid.Problems)}"),
            _ => throw new InvalidOperationException("Unknown configuration result."),
        });
        return true;
    }

    private void Use(TeamConfiguration configuration)
    {
        _configuration = configuration;
        _current = TeamContext.From(configuration);
    }
}
