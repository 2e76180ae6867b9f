namespace IncidentFlows.Domain.Incidents;

/// <summary>The outcome of deciding a command: new events (possibly none: a harmless repeat) or an error.</summary>
public sealed record Decision
{
    public static readonly Decision Nothing = new([], null);

    private Decision(IReadOnlyList<IncidentEvent> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    public IReadOnlyList<IncidentEvent> Events { get; }

    public DomainError? Error { get; }

    public bool IsRejected => Error is not null;

    public static Decision Accept(IEnumerable<IncidentEvent> events) => new(events.ToArray(), null);

    public static Decision Accept(params IncidentEvent[] events) => new(events, null);

    public static Decision Reject(DomainError error) => new([], error);

    public static Decision Reject(string code, string message) => new([], new DomainError(code, message));

    public static implicit operator Decision(DomainError error) => Reject(error);
}
