namespace IncidentFlows.Domain.Incidents;

/// <summary>Incident roles. Subject-matter experts may be many; every other role has one holder at a time.</summary>
public enum IncidentRole
{
    Lead,
    CommunicationsLead,
    Scribe,
    SubjectMatterExpert,
    Reporter,
}

public static class IncidentRoles
{
    public static bool HasSingleHolder(this IncidentRole role) => role != IncidentRole.SubjectMatterExpert;

    public static string Display(this IncidentRole role) => role switch
    {
        IncidentRole.Lead => "incident lead",
        IncidentRole.CommunicationsLead => "communications lead",
        IncidentRole.Scribe => "scribe",
        IncidentRole.SubjectMatterExpert => "subject-matter expert",
        IncidentRole.Reporter => "reporter",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
