using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>The war-room channel always shows the state: its description follows lead, severity and status; its name follows the title.</summary>
public class WarRoomStateSpecs
{
    private static readonly E.WarRoomRecorded WarRoomOpened = new("19:war@thread.tacv2", "inc-2026-11-21-checkout-failing", null) { At = Minutes(1) };

    private static TurnOutcome Turn(IncidentCommand command, IncidentEvent[] history, Instant now) =>
        IncidentTurn.Take(command, IncidentEvolution.Fold(history), new DecisionContext(now, SeverityPolicies.Default, FakeOnCall.Standard), EffectSettings.Default);

    public static TheoryData<IncidentCommand> StateChanges() =>
    [
        new C.AssignRole(IncidentRole.Lead, Carol, Bob),
        new C.ChangeSeverity(Severity.Sev0, Bob, "all regions"),
        new C.ChangeStatus(IncidentStatus.Identified, Bob, null),
    ];

    [Theory]
    [MemberData(nameof(StateChanges))]
    public void A_change_of_lead_severity_or_status_redescribes_the_war_room_once(IncidentCommand change)
    {
        var turn = Turn(change, [.. PagedSev1(), WarRoomOpened], Minutes(5));

        Assert.Single(turn.Effects.OfType<X.DescribeWarRoom>());
    }

    [Fact]
    public void Without_a_war_room_there_is_nothing_to_describe_and_other_news_does_not_redescribe_it()
    {
        Assert.Empty(Turn(new C.AssignRole(IncidentRole.Lead, Carol, Bob), PagedSev1(), Minutes(5)).Effects.OfType<X.DescribeWarRoom>());
        Assert.Empty(Turn(new C.AssignRole(IncidentRole.Scribe, Carol, Bob), [.. PagedSev1(), WarRoomOpened], Minutes(5)).Effects.OfType<X.DescribeWarRoom>());
    }

    [Fact]
    public void A_new_title_renames_the_war_room_and_updates_the_announcement()
    {
        var turn = Turn(new C.Retitle("  Card payments fail in the EU ", Bob), [.. PagedSev1(), WarRoomOpened], Minutes(5));

        Assert.Equal([new E.TitleChanged(PagedSev1().OfType<E.Declared>().Single().Title, "Card payments fail in the EU", Bob) { At = Minutes(5) }], turn.Decision.Events);
        Assert.Equal("Card payments fail in the EU", Assert.Single(turn.Effects.OfType<X.RenameWarRoom>()).Title);
        Assert.Single(turn.Effects.OfType<X.PublishAnnouncement>());
    }

    [Fact]
    public void The_same_title_changes_nothing_and_an_empty_or_overlong_one_is_refused()
    {
        var title = PagedSev1().OfType<E.Declared>().Single().Title;

        Scenario.Given(PagedSev1()).When(new C.Retitle(title, Bob)).ThenNothing();
        Scenario.Given(PagedSev1()).When(new C.Retitle(" ", Bob)).ThenInvalid("title");
        Scenario.Given(PagedSev1()).When(new C.Retitle(new string('x', Limits.TitleLength + 1), Bob)).ThenInvalid("title");
    }

    [Fact]
    public void The_war_room_recorded_again_under_a_new_name_was_renamed()
    {
        Scenario.Given([.. PagedSev1(), WarRoomOpened]).At(Minutes(6)).When(new C.RecordWarRoom(WarRoomOpened.ChannelId, "inc-2026-11-21-card-payments-fail", null))
            .Then(new E.WarRoomRenamed("inc-2026-11-21-card-payments-fail", null) { At = Minutes(6) });
        Scenario.Given([.. PagedSev1(), WarRoomOpened]).When(new C.RecordWarRoom(WarRoomOpened.ChannelId, WarRoomOpened.Name, null)).ThenNothing();
    }
}
