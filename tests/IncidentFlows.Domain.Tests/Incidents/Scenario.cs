using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>Given events / When command / Then events, with the time and the on-call directory as inputs.</summary>
internal sealed class Scenario
{
    private readonly IncidentEvent[] _history;
    private Instant _now = TestData.T0;
    private IOnCallDirectory _onCall = FakeOnCall.Standard;

    private Scenario(IncidentEvent[] history) => _history = history;

    public static Scenario Given(params IncidentEvent[] history) => new(history);

    public static Scenario GivenNothing() => new([]);

    public Scenario At(Instant now)
    {
        _now = now;
        return this;
    }

    public Scenario WithOnCall(IOnCallDirectory onCall)
    {
        _onCall = onCall;
        return this;
    }

    public Outcome When(IncidentCommand command)
    {
        var state = _history.Length == 0 ? null : IncidentEvolution.Fold(_history);
        var context = new DecisionContext(_now, SeverityPolicies.Default, _onCall);
        return new Outcome(IncidentDecider.Decide(command, state, context), state);
    }
}

internal sealed record Outcome(Decision Decision, Incident? Before)
{
    public void Then(params IncidentEvent[] expected)
    {
        Assert.Null(Decision.Error);
        Assert.Equal(expected, Decision.Events);
    }

    public void ThenNothing()
    {
        Assert.Null(Decision.Error);
        Assert.Empty(Decision.Events);
    }

    public void ThenRejected(string code, string message)
    {
        Assert.Equal(code, Decision.Error?.Code);
        Assert.Equal(message, Decision.Error?.Message);
        Assert.Empty(Decision.Events);
    }

    public void ThenInvalid(string field)
    {
        Assert.Equal("input.invalid", Decision.Error?.Code);
        Assert.Equal(field, Decision.Error?.Field);
        Assert.Empty(Decision.Events);
    }

    /// <summary>The state after applying the decided events to the state before.</summary>
    public Incident After => Decision.Events.Aggregate(Before, IncidentEvolution.Evolve)!;
}
