using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.App.Incidents;

/// <summary>
/// The team this deployment serves (IncidentFlows is deployed per team) and the configuration its
/// decisions depend on: severity policies, the on-call directory, effect settings, its time zone.
/// </summary>
public sealed record TeamContext(
    string TeamId,
    string Name,
    DateTimeZone Zone,
    SeverityPolicies Policies,
    IOnCallDirectory OnCall,
    EffectSettings Effects)
{
    /// <summary>The team's own kinds of links, recognised in war-room messages before the built-in ones.</summary>
    public IReadOnlyList<Domain.Learning.LinkPattern> Links { get; init; } = [];

    /// <summary>The context a valid configuration gives; pure, so an orchestration may build it while replaying.</summary>
    public static TeamContext From(TeamConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var team = configuration.Team;
        return new TeamContext(
            team.Id,
            team.Name,
            DateTimeZoneProviders.Tzdb.GetZoneOrNull(team.TimeZone) ?? DateTimeZone.Utc,
            team.Policies,
            new OnCallDirectory(configuration),
            new EffectSettings(team.AnnounceDrills)) { Links = team.Links };
    }
}

/// <summary>The team context in force now; replaced when the team's configuration is reloaded.</summary>
public interface ITeamContextSource
{
    TeamContext Current { get; }
}
