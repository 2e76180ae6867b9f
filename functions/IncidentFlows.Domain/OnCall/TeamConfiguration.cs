using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// One team's complete, valid on-call configuration: people, schedules, escalation policies, services.
/// <see cref="Configuration.TeamConfigurationParser"/> builds one from a file after checking every reference;
/// code that builds one directly must do the same (ids that do not resolve throw when used).
/// </summary>
public sealed class TeamConfiguration
{
    public TeamConfiguration(
        Team team,
        IReadOnlyList<TeamMember> people,
        IReadOnlyList<Schedule> schedules,
        IReadOnlyList<EscalationPolicy> policies,
        IReadOnlyList<Service> services)
    {
        ArgumentNullException.ThrowIfNull(team);
        Team = team;
        People = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Schedules = schedules.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Policies = policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Services = services.ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (!Policies.ContainsKey(team.DefaultPolicyId))
        {
            throw new ArgumentException($"The default policy {team.DefaultPolicyId} is not among the policies.", nameof(team));
        }
    }

    public Team Team { get; }

    public IReadOnlyDictionary<string, TeamMember> People { get; }

    public IReadOnlyDictionary<string, Schedule> Schedules { get; }

    public IReadOnlyDictionary<string, EscalationPolicy> Policies { get; }

    public IReadOnlyDictionary<string, Service> Services { get; }

    /// <summary>The policy for a service: its own, or the team default when it has none or is unknown.</summary>
    public EscalationPolicy PolicyFor(string? serviceId) =>
        serviceId is not null && Services.TryGetValue(serviceId, out var service) && service.PolicyId is { } own
            ? Policies[own]
            : Policies[Team.DefaultPolicyId];

    /// <summary>Every schedule's gaps over the interval: configuration problems to show the team.</summary>
    public IReadOnlyList<CoverageGap> CoverageGaps(Interval interval) =>
        [.. Schedules.Values.SelectMany(s => s.CoverageOver(interval).Gaps)];
}
