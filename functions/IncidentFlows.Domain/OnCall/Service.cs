namespace IncidentFlows.Domain.OnCall;

/// <summary>What an incident on a service can show about who is affected: tier 1 is the most critical.</summary>
public sealed record CustomerImpact(int? Tier, IReadOnlyList<string> NotableCustomers);

/// <summary>
/// A catalog entry: the service, the team that owns it, and the escalation policy to page (the team's
/// default when <paramref name="PolicyId"/> is null).
/// </summary>
public sealed record Service(string Id, string Name, string TeamId, string? PolicyId, CustomerImpact? Impact);
