using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.Domain.Tests.Incidents;

public class EffectSpecs
{
    private static readonly E.WarRoomRecorded WarRoomOpened = new("19:war@thread.tacv2", "inc-2026-11-21-checkout-failing", null) { At = Minutes(1) };

    private static TurnOutcome Turn(IncidentCommand command, IncidentEvent[] history, Instant now, EffectSettings? settings = null) =>
        IncidentTurn.Take(
            command,
            history.Length == 0 ? null : IncidentEvolution.Fold(history),
            new DecisionContext(now, SeverityPolicies.Default, FakeOnCall.Standard),
            settings ?? EffectSettings.Default);

    [Fact]
    public void Declaring_a_sev1_pages_the_on_call_first_then_opens_a_war_room_and_announces()
    {
        var turn = Turn(Declare(Severity.Sev1), [], T0);

        // Events 1 Declared, 2 EscalationStarted, 3 Paged: each effect names the event that called for it.
        Assert.Equal(
            [
                new X.Page(BobOnCall, 0, 0, Minutes(10)) { Incident = Id, EventNumber = 3, PagedAt = T0 },
                new X.OpenWarRoom("Checkout failing", T0) { Incident = Id, EventNumber = 1 },
                new X.PublishAnnouncement { Incident = Id, EventNumber = 3 },
            ],
            turn.Effects);
    }

    [Fact]
    public void A_page_comes_before_the_war_room_post_of_an_earlier_event_in_its_commit()
    {
        // Level 2 has nobody on call: the gap (a war-room post) is decided before the repeat round pages Bob.
        var turn = IncidentTurn.Take(
            new C.Escalate(),
            IncidentEvolution.Fold([.. PagedSev1(), WarRoomOpened]),
            new DecisionContext(Minutes(10), SeverityPolicies.Default, FakeOnCall.Levels(BobOnCall, null)),
            EffectSettings.Default);

        Assert.Equal(
            [
                new X.Page(BobOnCall, 0, 1, Minutes(20)) { Incident = Id, EventNumber = 6, PagedAt = Minutes(10) },
                new X.PostToWarRoom(new E.CoverageGapFound(1, 0) { At = Minutes(10) }) { Incident = Id, EventNumber = 5 },
                new X.PostToWarRoom(Paged(0, 1, Minutes(10), BobOnCall, Duration.FromMinutes(10))) { Incident = Id, EventNumber = 6 },
            ],
            turn.Effects);
    }

    [Fact]
    public void Two_events_of_one_kind_at_the_same_instant_get_war_room_posts_with_different_event_numbers()
    {
        var onlyBobAtFirst = new FakeOnCall(Plan, (level, at) => level == 0 && at == T0 ? [BobOnCall] : []);

        var turn = IncidentTurn.Take(
            new C.Escalate(),
            IncidentEvolution.Fold([.. PagedSev1(), WarRoomOpened]),
            new DecisionContext(Minutes(10), SeverityPolicies.Default, onlyBobAtFirst),
            EffectSettings.Default);

        var gaps = turn.Effects.OfType<X.PostToWarRoom>().Where(p => p.Event is E.CoverageGapFound).ToList();
        Assert.Equal(3, gaps.Count); // level 2, then both levels of the repeat round, all at the same instant
        Assert.Equal([5L, 6L, 7L], gaps.Select(p => p.EventNumber));
    }

    [Fact]
    public void A_sev4_is_neither_announced_nor_given_a_war_room()
    {
        Assert.Empty(Turn(Declare(Severity.Sev4), [], T0).Effects);
    }

    [Fact]
    public void A_tutorial_has_no_war_room_no_page_and_no_announcement_only_its_first_step()
    {
        Assert.Equal(
            [new X.GuideTutorial(Domain.Learning.TutorialStep.Introduction) { Incident = Id, EventNumber = 1 }],
            Turn(Declare(Severity.Sev1, IncidentKind.Tutorial), [], T0).Effects);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void A_drill_is_announced_only_when_the_team_wants(bool announceDrills, bool announced)
    {
        var turn = Turn(Declare(Severity.Sev1, IncidentKind.Drill), [], T0, new EffectSettings(announceDrills));

        Assert.Equal(announced, turn.Effects.OfType<X.PublishAnnouncement>().Any());
        Assert.Single(turn.Effects.OfType<X.Page>());
    }

    [Fact]
    public void A_recorded_war_room_gets_its_welcome_message_and_the_announcement_its_link()
    {
        var turn = Turn(new C.RecordWarRoom(WarRoomOpened.ChannelId, WarRoomOpened.Name, null), PagedSev1(), Minutes(1));

        Assert.Equal([new X.WelcomeWarRoom { Incident = Id, EventNumber = 4 }, new X.PublishAnnouncement { Incident = Id, EventNumber = 4 }], turn.Effects);
    }

    [Fact]
    public void Once_the_war_room_exists_news_is_posted_there_and_the_announcement_updated_once_per_commit()
    {
        var turn = Turn(new C.Join(Bob), [.. PagedSev1(), WarRoomOpened], Minutes(4));

        Assert.Equal(
            [
                new X.PostToWarRoom(new E.Acknowledged(Bob) { At = Minutes(4) }) { Incident = Id, EventNumber = 5 },
                new X.PostToWarRoom(new E.Joined(Bob) { At = Minutes(4) }) { Incident = Id, EventNumber = 6 },
                new X.PublishAnnouncement { Incident = Id, EventNumber = 6 },
            ],
            turn.Effects);
    }

    [Fact]
    public void A_lapsed_cadence_reminds_the_owner_of_updates()
    {
        var turn = Turn(new C.Remind(), [.. PagedSev1(), new E.Acknowledged(Bob) { At = Minutes(2) }], Minutes(30));

        Assert.Contains(new X.RemindToUpdate(Alice, Minutes(30)) { Incident = Id, EventNumber = 5 }, turn.Effects);
        Assert.Equal(new WakeUp(Minutes(60), new C.Remind()), turn.NextWakeUp);
    }

    [Fact]
    public void A_repeated_command_has_no_effects_and_keeps_its_timer()
    {
        var turn = Turn(new C.Escalate(), PagedSev1(), Minutes(5));

        Assert.False(turn.Changed);
        Assert.Empty(turn.Effects);
        Assert.Equal(new WakeUp(Minutes(10), new C.Escalate()), turn.NextWakeUp);
    }

    [Fact]
    public void An_escalation_page_carries_when_it_was_decided_so_its_delivery_latency_can_be_measured()
    {
        var turn = Turn(new C.Escalate(), PagedSev1(), Minutes(10));

        var page = Assert.Single(turn.Effects.OfType<X.Page>());
        Assert.Equal(1, page.Level);
        Assert.Equal(Minutes(10), page.PagedAt);
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    public void Resolving_and_closing_share_the_postmortem(IncidentStatus to)
    {
        IncidentEvent[] history = to == IncidentStatus.Closed
            ? [.. PagedSev1(), new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Bob, null) { At = Minutes(40) }]
            : PagedSev1();

        var turn = Turn(new C.ChangeStatus(to, Bob), history, Minutes(50));

        Assert.Contains(turn.Effects, e => e is X.SharePostmortem share && share.Status == to);
    }
}
