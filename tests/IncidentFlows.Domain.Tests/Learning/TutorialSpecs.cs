using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.Tests.Incidents;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.Domain.Tests.Learning;

public class TutorialSpecs
{
    [Fact]
    public void The_tutorial_walks_through_its_seven_steps_one_at_a_time()
    {
        var action = new ActionItemDetails("Trim the tree by the window", Importance.Medium, Urgency.Low, ActionItemSize.Hours);
        IncidentCommand[] moves =
        [
            new C.ContinueTutorial(Alice),
            new C.ContinueTutorial(Alice),
            new C.AssignRole(IncidentRole.Lead, Alice, Alice),
            new C.PostUpdate("A ladder is on its way", Alice),
            new C.AddActionItem(action, Alice),
            new C.PinMessage("msg-3", "The cat came down by itself", Alice),
            new C.Resolve(Alice),
            new C.Close(Alice),
        ];

        var guided = new List<TutorialStep>();
        var now = T0;
        var state = Take(new C.Declare(Id, Tutorial.Title, Severity.Sev4, Alice, IncidentKind.Tutorial), null, now, guided);
        foreach (var move in moves)
        {
            now += Duration.FromMinutes(1);
            state = Take(move, state, now, guided);
        }

        Assert.Equal(
            [
                TutorialStep.Introduction, TutorialStep.ShowAnnouncement, TutorialStep.SetLead, TutorialStep.PostUpdate, TutorialStep.AddAction,
                TutorialStep.PinMessage, TutorialStep.Close, TutorialStep.Close, TutorialStep.Done,
            ],
            guided);
    }

    [Fact]
    public void A_note_is_not_a_pin_and_a_second_press_of_next_changes_nothing()
    {
        var guided = new List<TutorialStep>();
        var state = Take(new C.Declare(Id, Tutorial.Title, Severity.Sev4, Alice, IncidentKind.Tutorial), null, T0, guided);
        foreach (var move in new IncidentCommand[] { new C.ContinueTutorial(Alice), new C.ContinueTutorial(Alice), new C.AssignRole(IncidentRole.Lead, Alice, Alice), new C.PostUpdate("ladder", Alice), new C.AddActionItem(new ActionItemDetails("Trim", Importance.Low, Urgency.Low, ActionItemSize.Hours), Alice), new C.AddNote("a note", Alice) })
        {
            state = Take(move, state, T0, guided);
        }

        Assert.Equal(TutorialStep.PinMessage, Tutorial.StepOf(state));
        Scenario.Given(TutorialStarted()).When(new C.ContinueTutorial(Alice)).ThenNothing();
        Scenario.Given(PagedSev1()).When(new C.ContinueTutorial(Alice)).ThenInvalid("incident");
    }

    [Fact]
    public void A_real_incident_is_never_guided()
    {
        var turn = IncidentTurn.Take(Declare(), null, new DecisionContext(T0, SeverityPolicies.Default, FakeOnCall.Standard), EffectSettings.Default);

        Assert.DoesNotContain(turn.Effects, e => e is IncidentEffect.GuideTutorial);
        Assert.Equal(TutorialStep.Done, Tutorial.StepOf(turn.State!));
    }

    [Fact]
    public void Every_step_has_an_instruction_naming_the_command_to_type()
    {
        foreach (var step in Enum.GetValues<TutorialStep>().Where(s => s != TutorialStep.Done))
        {
            Assert.Matches("Step [1-7] of 7: .*`", Tutorial.Instruction(step));
        }
    }

    private static Incident Take(IncidentCommand command, Incident? state, Instant now, List<TutorialStep> guided)
    {
        var turn = IncidentTurn.Take(command, state, new DecisionContext(now, SeverityPolicies.Default, FakeOnCall.Standard), EffectSettings.Default);
        Assert.Null(turn.Decision.Error);
        guided.AddRange(turn.Effects.OfType<IncidentEffect.GuideTutorial>().Select(g => g.Step));
        Assert.DoesNotContain(turn.Effects, e => e is IncidentEffect.Page);
        return turn.State!;
    }

    /// <summary>A tutorial whose person pressed Start and Next: past the steps they only read.</summary>
    private static IncidentEvent[] TutorialStarted() =>
    [
        new IncidentEvent.Declared(Id, Tutorial.Title, Severity.Sev4, IncidentKind.Tutorial, Alice, null, null, null, SeverityPolicies.Default[Severity.Sev4], T0 + Duration.FromHours(1)) { At = T0 },
        new IncidentEvent.TutorialContinued(TutorialStep.Introduction, Alice) { At = T0 },
        new IncidentEvent.TutorialContinued(TutorialStep.ShowAnnouncement, Alice) { At = T0 },
    ];
}
