using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>A stretch of time with the same people on call, or nobody (a gap).</summary>
public abstract record CoverageSegment
{
    private CoverageSegment(Interval span) => Span = span;

    public Interval Span { get; }

    /// <summary>The people on call throughout the segment, in the order the schedule lists them.</summary>
    public abstract IReadOnlyList<string> People { get; }

    public static CoverageSegment Of(Interval span, IReadOnlyList<string> people) =>
        people.Count == 0 ? new Gap(span) : new Covered(span, people);

    public sealed record Covered : CoverageSegment
    {
        public Covered(Interval span, IReadOnlyList<string> people)
            : base(span) => People = people;

        public override IReadOnlyList<string> People { get; }
    }

    public sealed record Gap : CoverageSegment
    {
        public Gap(Interval span)
            : base(span)
        {
        }

        public override IReadOnlyList<string> People => [];
    }
}
