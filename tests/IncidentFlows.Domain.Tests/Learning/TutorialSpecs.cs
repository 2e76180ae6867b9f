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
    public void The_tutorial_walks_through_lead_update_action_note_and_close_one_step_at_a_time()
    {
        var action = new ActionItemDetails("Trim the tree by the window", Importance.Medium, Urgency.Low, ActionItemSize.Hours);
        IncidentCommand[] moves =
        [
            new C.AssignRole(IncidentRole.Lead, Alice, Alice),
            new C.PostUpdate("A ladder is on its way", Alice),
            new C.AddActionItem(action, Alice),
            new C.AddNote("The cat came down by itself", Alice),
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
            [TutorialStep.SetLead, TutorialStep.PostUpdate, TutorialStep.AddAction, TutorialStep.PinNote, TutorialStep.Close, TutorialStep.Close, TutorialStep.Done],
            guided);
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
            Assert.Matches("Step [1-5] of 5: .*`", Tutorial.Instruction(step));
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
}
