using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>An on-call directory made of a plan and, per level, who is on call (optionally by time).</summary>
internal sealed class FakeOnCall(EscalationPlan? plan, Func<int, Instant, IReadOnlyList<Responder>> respondersAt) : IOnCallDirectory
{
    public static FakeOnCall Standard { get; } = Levels(TestData.BobOnCall, TestData.CarolOnCall);

    public static FakeOnCall NoPolicy { get; } = new(null, (_, _) => []);

    /// <summary>Level i pages <paramref name="byLevel"/>[i]; null is a coverage gap.</summary>
    public static FakeOnCall Levels(params Responder?[] byLevel) =>
        new(TestData.Plan, (level, _) => byLevel[level] is { } r ? [r] : []);

    public EscalationPlan? PlanFor(string? service) => plan;

    public IReadOnlyList<Responder> RespondersAt(string policyId, int level, Instant at) => respondersAt(level, at);
}
