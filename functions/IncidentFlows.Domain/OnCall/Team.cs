using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// The team a configuration file describes, the policy it pages when nothing more specific applies,
/// its home time zone (war-room dates, weekly metrics), whether drills are announced, and the
/// severities whose policy it overrides (the rest keep <see cref="SeverityPolicies.Default"/>).
/// </summary>
public sealed record Team(
    string Id,
    string Name,
    string DefaultPolicyId,
    string TimeZone = "UTC",
    bool AnnounceDrills = false,
    IReadOnlyDictionary<Severity, SeverityPolicy>? Severities = null)
{
    /// <summary>The team's own kinds of links (<c>team.links</c>), put on the timeline when shared in a war room, before the built-in ones.</summary>
    public IReadOnlyList<Learning.LinkPattern> Links { get; init; } = [];

    public SeverityPolicies Policies => Severities is { Count: > 0 } overrides ? SeverityPolicies.Default.With(overrides) : SeverityPolicies.Default;
}
