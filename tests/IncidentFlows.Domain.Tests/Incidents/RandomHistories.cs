using FsCheck;
using FsCheck.Fluent;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>
/// Random but valid lives of an incident: a declare, then commands from anyone at random times,
/// decided by the real decider against an on-call directory with random gaps.
/// </summary>
internal static class RandomHistories
{
    private static readonly Person[] People = [TestData.Alice, TestData.Bob, TestData.Carol, TestData.Dan];

    public sealed record Step(int MinutesLater, int Command, int Person, int Choice);

    public sealed record Life(Severity Severity, IncidentKind Kind, bool[] GapAtLevel, Step[] Steps)
    {
        public override string ToString() =>
            $"{Severity} {Kind} gaps=[{string.Join(",", GapAtLevel)}] steps=[{string.Join(" ", Steps.Select(s => $"+{s.MinutesLater}m:{s.Command}/{s.Person}/{s.Choice}"))}]";
    }

    public static Arbitrary<Life> Lives(int maxSteps = 40) =>
        (from severity in Gen.Elements(Enum.GetValues<Severity>())
         from kind in Gen.Elements(Enum.GetValues<IncidentKind>())
         from gaps in Gen.ArrayOf(Gen.Elements(true, false), 2)
         from count in Gen.Choose(0, maxSteps)
         from steps in Gen.ArrayOf(StepGen, count)
         select new Life(severity, kind, gaps, steps)).ToArbitrary();

    private static Gen<Step> StepGen =>
        from minutes in Gen.Choose(0, 25)
        from command in Gen.Choose(0, 15)
        from person in Gen.Choose(0, People.Length - 1)
        from choice in Gen.Choose(0, 6)
        select new Step(minutes, command, person, choice);

    public static IOnCallDirectory OnCallFor(Life life) =>
        FakeOnCall.Levels(life.GapAtLevel[0] ? null : TestData.BobOnCall, life.GapAtLevel[1] ? null : TestData.CarolOnCall);

    /// <summary>Runs the life through the decider; yields each decision's events with the state after them.</summary>
    public static IEnumerable<(IReadOnlyList<IncidentEvent> Events, Incident State, Instant Now)> Run(Life life)
    {
        var onCall = OnCallFor(life);
        var now = TestData.T0;
        Incident? state = null;
        var commands = new[] { TestData.Declare(life.Severity, life.Kind) }.Concat(life.Steps.Select(ToCommand));
        foreach (var (command, i) in commands.Select((c, i) => (c, i)))
        {
            if (i > 0)
            {
                now += Duration.FromMinutes(life.Steps[i - 1].MinutesLater);
            }

            var decision = IncidentDecider.Decide(command, state, new DecisionContext(now, SeverityPolicies.Default, onCall));
            state = decision.Events.Aggregate(state, IncidentEvolution.Evolve)!;
            yield return (decision.Events, state, now);
        }
    }

    /// <summary>Choice picks the scales and status, so updates sometimes change nothing (a repeat).</summary>
    private static ActionItemDetails ActionItem(int choice) =>
        new($"follow-up {choice % 3}", (Importance)(choice % 3), (Urgency)((choice / 3) % 3), (ActionItemSize)((choice + 1) % 3), (ActionItemStatus)(choice % 5));

    private static IncidentCommand ToCommand(Step s)
    {
        var by = People[s.Person];
        return s.Command switch
        {
            0 => new C.Acknowledge(by),
            1 => new C.Join(by),
            2 => new C.AssignRole((IncidentRole)(s.Choice % 4), by, TestData.Alice),
            3 => new C.RenounceRole((IncidentRole)(s.Choice % 4), by),
            4 => new C.ChangeSeverity((Severity)(s.Choice % 5), by),
            5 => new C.ChangeStatus((IncidentStatus)s.Choice, by),
            6 => new C.PostUpdate($"update {s.Choice}", by, $"k{s.Choice}"),
            7 => new C.AddNote($"note {s.Choice}", by),
            8 => new C.Resolve(by),
            9 => new C.Close(by),
            10 => new C.Reopen(by, "it is back"),
            11 => new C.Remind(),
            12 => new C.MarkPostmortemReviewed(by),
            13 => new C.AddActionItem(ActionItem(s.Choice), by, $"a{s.Choice}"),
            14 => new C.UpdateActionItem((s.Choice % 3) + 1, ActionItem(s.Choice + s.Person), by),
            _ => new C.Escalate(),
        };
    }
}
