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
    EffectSettings Effects);

/// <summary>The team context in force now; replaced when the team's configuration is reloaded.</summary>
public interface ITeamContextSource
{
    TeamContext Current { get; }
}
