using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// A change on top of a schedule's layers for an interval. Overrides apply in the order they are listed.
/// </summary>
public abstract record Override
{
    private Override(Interval span) => Span = span;

    /// <summary>When the override applies (start inclusive, end exclusive).</summary>
    public Interval Span { get; }

    /// <summary><paramref name="PersonId"/> is on call in addition to whoever the layers put on call.</summary>
    public sealed record Add(string PersonId, Interval Span) : Override(Span);

    /// <summary><paramref name="PersonId"/> is not on call, whatever the layers say (this can open a gap).</summary>
    public sealed record Remove(string PersonId, Interval Span) : Override(Span);

    /// <summary>Where <paramref name="PersonId"/> would be on call, <paramref name="ReplacementId"/> is instead.</summary>
    public sealed record Replace(string PersonId, string ReplacementId, Interval Span) : Override(Span);
}
