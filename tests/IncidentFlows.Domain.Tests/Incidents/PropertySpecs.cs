using FsCheck;
using FsCheck.Fluent;
using IncidentFlows.Domain.Incidents;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class PropertySpecs
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Folding_the_same_events_always_gives_the_same_state()
    {
        Prop.ForAll(RandomHistories.Lives(), life =>
        {
            var steps = RandomHistories.Run(life).ToList();
            var history = steps.SelectMany(s => s.Events).ToList();
            return IncidentEvolution.Fold(history) == steps[^1].State
                   && IncidentEvolution.Fold(history) == IncidentEvolution.Fold(history.ToArray());
        }).Check(Runs);
    }

    [Fact]
    public void An_open_incident_always_has_a_next_wake_up_and_an_unacknowledged_one_never_waits_past_its_deadline()
    {
        Prop.ForAll(RandomHistories.Lives(), life => RandomHistories.Run(life).All(step =>
        {
            var next = WakeUps.Next(step.State);
            if (!step.State.Status.IsOpen())
            {
                return next is null;
            }

            var deadline = step.State is { IsAcknowledged: false, Escalation.AckDeadline: { } d } ? d : (Instant?)null;
            return next is not null && (deadline is null || next.At <= deadline);
        })).Check(Runs);
    }

    [Fact]
    public void Escalation_never_pages_past_the_last_level_and_repeat_count()
    {
        var plans =
            from levels in Gen.Choose(1, 5)
            from repeats in Gen.Choose(0, 3)
            from repeatFrom in Gen.Choose(0, levels - 1)
            from gaps in Gen.ArrayOf(Gen.Elements(true, false), levels)
            select (levels, repeats, repeatFrom, gaps);

        Prop.ForAll(plans.ToArbitrary(), p =>
        {
            var plan = new Domain.OnCall.EscalationPlan("p", [.. Enumerable.Repeat(Duration.FromMinutes(7), p.levels)], p.repeats, p.repeatFrom);
            var onCall = new FakeOnCall(plan, (level, _) => p.gaps[level] ? [] : [TestData.BobOnCall]);
            var events = DriveUntilQuiet(onCall);
            var positions = events.Select(e => e switch
            {
                E.Paged x => (x.Level, x.Round),
                E.CoverageGapFound x => (x.Level, x.Round),
                _ => (Level: -1, Round: -1),
            }).Where(x => x.Level >= 0).ToList();

            var maxPositions = p.levels + (p.repeats * (p.levels - p.repeatFrom));
            return positions.All(x => x.Level < p.levels && x.Round <= p.repeats)
                   && positions.Count == maxPositions
                   && events.OfType<E.EscalationExhausted>().Count() == 1;
        }).Check(Runs);
    }

    /// <summary>Declares a SEV1 and fires every timer it asks for (escalations and reminders), acknowledging nothing, until escalation ends.</summary>
    private static List<IncidentEvent> DriveUntilQuiet(FakeOnCall onCall)
    {
        var events = IncidentDecider.Decide(TestData.Declare(), null, new DecisionContext(TestData.T0, SeverityPolicies.Default, onCall)).Events.ToList();
        for (var i = 0; i < 500 && IncidentEvolution.Fold(events) is { Escalation.Exhausted: false } state; i++)
        {
            var wake = WakeUps.Next(state)!;
            events.AddRange(IncidentDecider.Decide(wake.Command, state, new DecisionContext(wake.At, SeverityPolicies.Default, onCall)).Events);
        }

        return events;
    }
}
