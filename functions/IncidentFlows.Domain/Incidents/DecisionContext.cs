using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>Everything a decision may depend on besides the command and the state: the time and the team's configuration.</summary>
public sealed record DecisionContext(Instant Now, SeverityPolicies Policies, IOnCallDirectory OnCall);
