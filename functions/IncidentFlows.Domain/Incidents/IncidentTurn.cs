using IncidentFlows.Domain.Incidents.Effects;

namespace IncidentFlows.Domain.Incidents;

/// <summary>The result of one turn: the decision, the state after it, the effects to run and the next timer.</summary>
public sealed record TurnOutcome(Decision Decision, Incident? State, IReadOnlyList<IncidentEffect> Effects, WakeUp? NextWakeUp)
{
    public bool Changed => Decision.Events.Count > 0;
}

/// <summary>
/// One turn of an incident, the same for both drivers (Durable orchestration and standalone):
/// decide, evolve, derive effects, and name the next wake-up. Pure.
/// </summary>
public static class IncidentTurn
{
    public static TurnOutcome Take(IncidentCommand command, Incident? state, DecisionContext context, EffectSettings settings)
    {
        var decision = IncidentDecider.Decide(command, state, context);
        if (decision.Events.Count == 0)
        {
            return new TurnOutcome(decision, state, [], WakeUps.Next(state));
        }

        var after = decision.Events.Aggregate(state, IncidentEvolution.Evolve)!;
        return new TurnOutcome(decision, after, IncidentEffects.For(decision.Events, after, settings), WakeUps.Next(after));
    }
}
