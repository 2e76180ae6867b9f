namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// A refused command, in words a person understands. <paramref name="Field"/> names the offending
/// input when there is one, so the HTTP API can answer with a field-level problem.
/// </summary>
public sealed record DomainError(string Code, string Message, string? Field = null)
{
    public static DomainError NotFound(IncidentId id) => new("incident.not_found", $"There is no incident {id}.");

    public static DomainError Invalid(string field, string message) => new("input.invalid", message, field);
}
