namespace IncidentFlows.Domain.Incidents;

/// <summary>Someone taking part in an incident: a stable id (Entra object id or UPN) and a display name.</summary>
public sealed record Person(string Id, string Name)
{
    public override string ToString() => Name;
}
