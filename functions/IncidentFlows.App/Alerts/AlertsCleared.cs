using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// Whether every alert that joined an incident has resolved, read from the incident itself: each alert's
/// joining and resolving notes carry keys (<c>alert|…</c> and <c>alert|…|resolved</c>) the incident keeps.
/// </summary>
public static class AlertsCleared
{
    public const string ResolvedSuffix = "|resolved";

    /// <summary>The number of alerts that joined, when all of them have resolved; null while any still fires.</summary>
    public static int? AllResolved(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var seen = incident.SeenKeys.ToHashSet(StringComparer.Ordinal);
        var joined = seen.Where(k => k.StartsWith("alert|", StringComparison.Ordinal) && !k.EndsWith(ResolvedSuffix, StringComparison.Ordinal)).ToList();
        return joined.Count > 0 && joined.All(k => seen.Contains(k + ResolvedSuffix)) ? joined.Count : null;
    }
}
