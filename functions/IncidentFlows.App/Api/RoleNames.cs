using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Api;

/// <summary>Role names as people type them: lead, comms, scribe, sme (and the long forms).</summary>
public static class RoleNames
{
    public static IncidentRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "lead" or "incident lead" or "incident-lead" or "il" => IncidentRole.Lead,
        "comms" or "communications" or "communications lead" or "comms lead" or "cl" => IncidentRole.CommunicationsLead,
        "scribe" => IncidentRole.Scribe,
        "sme" or "expert" or "subject-matter expert" or "subject matter expert" => IncidentRole.SubjectMatterExpert,
        _ => null,
    };
}
