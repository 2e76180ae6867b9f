namespace IncidentFlows.Domain.Incidents;

/// <summary>Someone taking part in an incident: a stable id (Entra object id or UPN) and a display name.</summary>
public sealed record Person(string Id, string Name)
{
    /// <summary>
    /// The service principal (an API key, an application) that acted for this person, when one did: the
    /// timeline then says "Via on behalf of Name". Null when the person acted themselves.
    /// </summary>
    public string? Via { get; init; }

    /// <summary>Who did it, as the timeline says it (a method, so it is never stored as a property).</summary>
    public string Shown() => Via is null ? Name : $"{Via} on behalf of {Name}";

    public override string ToString() => Name;
}
