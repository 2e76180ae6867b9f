using System.Collections.Immutable;
using NodaTime;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// The policy for every severity. <see cref="Default"/> is the documented default
/// (docs/severity-policy.md); a team overrides any severity in its configuration.
/// </summary>
public sealed class SeverityPolicies
{
    public static readonly SeverityPolicies Default = new(new Dictionary<Severity, SeverityPolicy>
    {
        [Severity.Sev0] = new(Duration.FromMinutes(5), Duration.FromMinutes(15), OpensWarRoom: true, Announces: true, PagesOnCall: true),
        [Severity.Sev1] = new(Duration.FromMinutes(10), Duration.FromMinutes(30), OpensWarRoom: true, Announces: true, PagesOnCall: true),
        [Severity.Sev2] = new(Duration.FromMinutes(15), Duration.FromHours(1), OpensWarRoom: true, Announces: true, PagesOnCall: true),
        [Severity.Sev3] = new(Duration.FromMinutes(30), Duration.FromHours(4), OpensWarRoom: false, Announces: true, PagesOnCall: false),
        [Severity.Sev4] = new(Duration.FromHours(1), Duration.FromHours(24), OpensWarRoom: false, Announces: false, PagesOnCall: false),
    });

    private readonly ImmutableDictionary<Severity, SeverityPolicy> _policies;

    private SeverityPolicies(IReadOnlyDictionary<Severity, SeverityPolicy> policies) =>
        _policies = policies.ToImmutableDictionary();

    public SeverityPolicy this[Severity severity] => _policies[severity];

    /// <summary>This table with some severities replaced; timeouts and cadences must be positive.</summary>
    public SeverityPolicies With(IReadOnlyDictionary<Severity, SeverityPolicy> overrides)
    {
        foreach (var (severity, policy) in overrides)
        {
            if (policy.AckTimeout <= Duration.Zero || policy.UpdateCadence <= Duration.Zero)
            {
                throw new ArgumentException($"{severity.Display()}: the acknowledgement timeout and update cadence must be positive.", nameof(overrides));
            }
        }

        return new SeverityPolicies(_policies.SetItems(overrides));
    }
}
