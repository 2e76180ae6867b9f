namespace IncidentFlows.App.Api;

// Request bodies of the HTTP API. Everything is optional at the JSON level so that a missing field
// is reported by name (problem+json) instead of failing deserialization as a whole.

public sealed record PersonBody(string? Id, string? Name);

/// <summary>A body that may name the person a service principal acts for (<see cref="Callers"/>).</summary>
public interface IActsFor
{
    PersonBody? By { get; }
}

public sealed record DeclareBody(
    string? Title,
    string? Severity,
    string? Service = null,
    string? Summary = null,
    string? Kind = null,
    DateTimeOffset? DetectedAt = null,
    string? DedupKey = null,
    PersonBody? Reporter = null);

public sealed record ActorBody(PersonBody? By = null) : IActsFor;

public sealed record StatusBody(string? Status, string? Note = null, PersonBody? By = null) : IActsFor;

public sealed record SeverityBody(string? Severity, string? Reason = null, PersonBody? By = null) : IActsFor;

public sealed record RoleBody(string? Role, PersonBody? Assignee = null, bool Renounce = false, PersonBody? By = null) : IActsFor;

public sealed record TextBody(string? Text, PersonBody? By = null) : IActsFor;

public sealed record TitleBody(string? Title, PersonBody? By = null) : IActsFor;

public sealed record ResolveBody(string? Summary = null, PersonBody? By = null) : IActsFor;

public sealed record ReopenBody(string? Reason, PersonBody? By = null) : IActsFor;

public sealed record ActionItemBody(
    string? Title,
    Domain.Incidents.Importance? Importance,
    Domain.Incidents.Urgency? Urgency,
    Domain.Incidents.ActionItemSize? Size,
    Domain.Incidents.ActionItemStatus? Status = null,
    PersonBody? Assignee = null,
    Domain.Incidents.Confidence? Confidence = null,
    NodaTime.LocalDate? Due = null,
    PersonBody? By = null) : IActsFor;
