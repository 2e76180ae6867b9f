using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.Domain.Tests.Incidents;

public class DeliverySpecs
{
    private static readonly Duration Ten = Duration.FromMinutes(10);
    private static readonly Responder DanOnCall = new("dan", "Dan", "schedule primary");

    /// <summary>Bob's level-1 page: the Paged event is the 3rd of <see cref="TestData.PagedSev1"/>.</summary>
    private static readonly PageRef BobsPage = new(3, 0, 0, BobOnCall);

    /// <summary>A SEV1 whose level 1 pages Bob and Dan (event 3).</summary>
    private static IncidentEvent[] PagedTwo() =>
        [Declared(), Started(), new E.Paged(0, 0, ValueList.From([BobOnCall, DanOnCall]), Minutes(10)) { At = T0 }];

    [Fact]
    public void A_delivered_page_lands_on_the_timeline_once()
    {
        Scenario.Given(PagedSev1()).At(Minutes(0)).When(new C.RecordPageDelivered(BobsPage))
            .Then(new E.PageDelivered(BobsPage) { At = T0 });
        Scenario.Given([.. PagedSev1(), new E.PageDelivered(BobsPage) { At = T0 }]).When(new C.RecordPageDelivered(BobsPage))
            .ThenNothing();
    }

    [Fact]
    public void When_the_only_person_of_a_level_is_undeliverable_the_next_level_is_paged_at_once_and_says_why()
    {
        Scenario.Given(PagedSev1()).At(Minutes(1)).When(new C.RecordPageUndeliverable(BobsPage, PageFailure.AppNotInstalled))
            .Then(
                new E.PageUndeliverable(BobsPage, PageFailure.AppNotInstalled, null) { At = Minutes(1) },
                new E.LevelUnreachable(0, 0) { At = Minutes(1) },
                Paged(1, 0, Minutes(1), CarolOnCall, Ten));
    }

    [Fact]
    public void While_somebody_of_the_level_may_still_be_reached_escalation_waits_for_the_deadline()
    {
        Scenario.Given(PagedTwo()).At(Minutes(1)).When(new C.RecordPageUndeliverable(BobsPage, PageFailure.TeamsRefused, "403 Forbidden"))
            .Then(new E.PageUndeliverable(BobsPage, PageFailure.TeamsRefused, "403 Forbidden") { At = Minutes(1) });
    }

    [Fact]
    public void When_every_person_of_a_level_is_undeliverable_the_last_report_escalates()
    {
        var dansPage = new PageRef(3, 0, 0, DanOnCall);
        IncidentEvent[] history = [.. PagedTwo(), new E.PageUndeliverable(BobsPage, PageFailure.AppNotInstalled, null) { At = Minutes(1) }];

        var outcome = Scenario.Given(history).At(Minutes(2)).When(new C.RecordPageUndeliverable(dansPage, PageFailure.TimedOut));

        outcome.Then(
            new E.PageUndeliverable(dansPage, PageFailure.TimedOut, null) { At = Minutes(2) },
            new E.LevelUnreachable(0, 0) { At = Minutes(2) },
            Paged(1, 0, Minutes(2), CarolOnCall, Ten));
        Assert.Equal(Minutes(12), outcome.After.Escalation!.AckDeadline);
    }

    [Fact]
    public void A_delivered_page_beside_an_undeliverable_one_keeps_the_level_waiting()
    {
        IncidentEvent[] history = [.. PagedTwo(), new E.PageDelivered(new PageRef(3, 0, 0, DanOnCall)) { At = Minutes(1) }];

        Scenario.Given(history).At(Minutes(2)).When(new C.RecordPageUndeliverable(BobsPage, PageFailure.AppNotInstalled))
            .Then(new E.PageUndeliverable(BobsPage, PageFailure.AppNotInstalled, null) { At = Minutes(2) });
    }

    [Fact]
    public void An_undeliverable_last_level_of_the_last_round_waits_for_its_deadline_then_ends_escalation_loudly()
    {
        var carolsLastPage = new PageRef(6, 1, 1, CarolOnCall);
        IncidentEvent[] history = [.. PagedSev1(), Paged(1, 0, Minutes(10), CarolOnCall, Ten), Paged(0, 1, Minutes(20), BobOnCall, Ten), Paged(1, 1, Minutes(30), CarolOnCall, Ten)];

        Scenario.Given(history).At(Minutes(31)).When(new C.RecordPageUndeliverable(carolsLastPage, PageFailure.NoTeamsIdentity))
            .Then(
                new E.PageUndeliverable(carolsLastPage, PageFailure.NoTeamsIdentity, null) { At = Minutes(31) },
                new E.LevelUnreachable(1, 1) { At = Minutes(31), WaitsForTimeout = true });
        Scenario.Given([.. history, new E.PageUndeliverable(carolsLastPage, PageFailure.NoTeamsIdentity, null) { At = Minutes(31) }, new E.LevelUnreachable(1, 1) { At = Minutes(31), WaitsForTimeout = true }])
            .At(Minutes(40)).When(new C.Escalate())
            .Then(new E.EscalationExhausted(2) { At = Minutes(40) });
    }

    [Fact]
    public void When_the_last_level_of_a_round_is_unreachable_the_next_round_waits_for_the_deadline_so_a_Teams_outage_cannot_use_up_every_round()
    {
        var carolsPage = new PageRef(4, 1, 0, CarolOnCall);
        IncidentEvent[] history = [.. PagedSev1(), Paged(1, 0, Minutes(10), CarolOnCall, Ten)];

        Scenario.Given(history).At(Minutes(11)).When(new C.RecordPageUndeliverable(carolsPage, PageFailure.TeamsRefused))
            .Then(
                new E.PageUndeliverable(carolsPage, PageFailure.TeamsRefused, null) { At = Minutes(11) },
                new E.LevelUnreachable(1, 0) { At = Minutes(11), WaitsForTimeout = true });
    }

    [Fact]
    public void A_late_report_about_an_earlier_level_is_recorded_but_does_not_escalate_again()
    {
        IncidentEvent[] history = [.. PagedSev1(), Paged(1, 0, Minutes(10), CarolOnCall, Ten)];

        Scenario.Given(history).At(Minutes(11)).When(new C.RecordPageUndeliverable(BobsPage, PageFailure.TimedOut))
            .Then(new E.PageUndeliverable(BobsPage, PageFailure.TimedOut, null) { At = Minutes(11) });
    }

    [Fact]
    public void An_acknowledged_incident_records_an_undeliverable_page_without_escalating()
    {
        Scenario.Given([.. PagedSev1(), new E.Acknowledged(Alice) { At = Minutes(1) }]).At(Minutes(2))
            .When(new C.RecordPageUndeliverable(BobsPage, PageFailure.AppNotInstalled))
            .Then(new E.PageUndeliverable(BobsPage, PageFailure.AppNotInstalled, null) { At = Minutes(2) });
    }

    [Fact]
    public void A_repeated_undeliverable_report_changes_nothing()
    {
        var outcome = Scenario.Given(PagedSev1()).At(Minutes(1)).When(new C.RecordPageUndeliverable(BobsPage, PageFailure.AppNotInstalled));
        var again = IncidentDecider.Decide(
            new C.RecordPageUndeliverable(BobsPage, PageFailure.AppNotInstalled),
            outcome.After,
            new DecisionContext(Minutes(2), SeverityPolicies.Default, FakeOnCall.Standard));

        Assert.Empty(again.Events);
        Assert.Null(again.Error);
    }

    [Fact]
    public void After_a_reopen_a_report_about_the_old_page_does_not_escalate_the_new_one()
    {
        var reopened = new E.Reopened(Alice, "back again", Minutes(90)) { At = Minutes(60) };
        IncidentEvent[] history =
        [
            .. PagedSev1(),
            new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Bob, null) { At = Minutes(30) },
            reopened,
            new E.EscalationStarted(Plan) { At = Minutes(60) },
            Paged(0, 0, Minutes(60), BobOnCall, Ten),
        ];

        Scenario.Given(history).At(Minutes(61)).When(new C.RecordPageUndeliverable(BobsPage, PageFailure.AppNotInstalled))
            .Then(new E.PageUndeliverable(BobsPage, PageFailure.AppNotInstalled, null) { At = Minutes(61) });
    }

    [Fact]
    public void A_long_detail_from_Teams_is_clipped_for_the_timeline()
    {
        var outcome = Scenario.Given(PagedTwo()).At(Minutes(1))
            .When(new C.RecordPageUndeliverable(BobsPage, PageFailure.TeamsRefused, new string('x', Limits.DeliveryDetailLength * 3)));

        var undeliverable = Assert.IsType<E.PageUndeliverable>(Assert.Single(outcome.Decision.Events));
        Assert.Equal(Limits.DeliveryDetailLength + 1, undeliverable.Detail!.Length);
    }

    [Fact]
    public void An_abandoned_effect_lands_on_the_timeline_once()
    {
        var abandoned = new C.RecordEffectAbandoned("PublishAnnouncement", 3, 6, "503 Service Unavailable");
        var outcome = Scenario.Given(PagedSev1()).At(Minutes(20)).When(abandoned);

        outcome.Then(new E.EffectAbandoned("PublishAnnouncement", 3, 6, "503 Service Unavailable") { At = Minutes(20) });
        Assert.Empty(IncidentDecider.Decide(abandoned, outcome.After, new DecisionContext(Minutes(21), SeverityPolicies.Default, FakeOnCall.Standard)).Events);
    }

    [Fact]
    public void A_closed_incident_still_records_late_delivery_outcomes()
    {
        IncidentEvent[] history =
        [
            .. PagedSev1(),
            new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Bob, null) { At = Minutes(30) },
            new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, Bob, null) { At = Minutes(40) },
        ];

        Scenario.Given(history).At(Minutes(41)).When(new C.RecordPageDelivered(BobsPage))
            .Then(new E.PageDelivered(BobsPage) { At = Minutes(41) });
    }

    [Fact]
    public void The_level_skipped_for_being_unreachable_is_told_to_the_war_room()
    {
        var room = new E.WarRoomRecorded("19:war@thread.tacv2", "inc-2026-11-21-checkout-failing", null) { At = T0 };
        var turn = IncidentTurn.Take(
            new C.RecordPageUndeliverable(BobsPage, PageFailure.AppNotInstalled),
            IncidentEvolution.Fold([.. PagedSev1(), room]),
            new DecisionContext(Minutes(1), SeverityPolicies.Default, FakeOnCall.Standard),
            EffectSettings.Default);

        Assert.IsType<X.Page>(turn.Effects[0]);
        Assert.Equal(CarolOnCall, ((X.Page)turn.Effects[0]).Responder);
        Assert.Contains(turn.Effects, e => e is X.PostToWarRoom { Event: E.LevelUnreachable { Level: 0 } });
        Assert.Contains(turn.Effects, e => e is X.PostToWarRoom { Event: E.PageUndeliverable });
        Assert.Equal(new WakeUp(Minutes(11), new C.Escalate()), turn.NextWakeUp);
    }
}
