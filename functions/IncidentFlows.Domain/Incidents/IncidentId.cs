namespace IncidentFlows.Domain.Incidents;

/// <summary>An incident's id, such as <c>INC-42</c>. Ids are inputs: the hosts allocate them.</summary>
public readonly record struct IncidentId(string Value)
{
    public override string ToString() => Value;
}
