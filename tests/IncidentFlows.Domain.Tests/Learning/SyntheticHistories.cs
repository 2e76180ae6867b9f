using IncidentFlows.Domain.Incidents;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>Builds short incident histories for metrics: a declare, then an acknowledgement, a join and a resolution at given minutes.</summary>
internal static class SyntheticHistories
{
    private static readonly Person Alice = ModelLoadingIncident.Alice;
    private static readonly Person Bob = ModelLoadingIncident.Bob;

    public static IncidentEvent[] Incident(
        string id,
        Instant reported,
        Severity severity = Severity.Sev2,
        string? service = null,
        IncidentKind kind = IncidentKind.Real,
        int? ackAfterMinutes = null,
        int? joinAfterMinutes = null,
        int? resolveAfterMinutes = null,
        bool declined = false)
    {
        var policy = SeverityPolicies.Default[severity];
        var events = new List<IncidentEvent>
        {
            new E.Declared(new IncidentId(id), $"Incident {id}", severity, kind, Alice, service, null, null, policy, reported + policy.UpdateCadence) { At = reported },
        };
        if (ackAfterMinutes is { } ack)
        {
            events.Add(new E.Acknowledged(Bob) { At = reported + Duration.FromMinutes(ack) });
        }

        if (joinAfterMinutes is { } join)
        {
            events.Add(new E.Joined(Bob) { At = reported + Duration.FromMinutes(join) });
        }

        if (resolveAfterMinutes is { } resolve)
        {
            events.Add(new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Bob, null) { At = reported + Duration.FromMinutes(resolve) });
        }

        if (declined)
        {
            events.Add(new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Declined, Bob, null) { At = reported + Duration.FromMinutes(1) });
        }

        return [.. events.OrderBy(e => e.At)];
    }
}
