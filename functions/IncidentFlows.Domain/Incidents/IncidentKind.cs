namespace IncidentFlows.Domain.Incidents;

/// <summary>Real incidents count in metrics; drills exercise the process (and page); tutorials never page.</summary>
public enum IncidentKind
{
    Real,
    Drill,
    Tutorial,
}
