using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>Who a person is in Microsoft Teams / Entra ID: what the bot needs to page them 1:1.</summary>
public sealed record TeamsIdentity(Guid EntraObjectId, string? UserPrincipalName);

/// <summary>A person on the team who can be on call or paged, with their own time zone (for digests and calendars).</summary>
public sealed record TeamMember(string Id, string Name, TeamsIdentity Teams, DateTimeZone TimeZone);
