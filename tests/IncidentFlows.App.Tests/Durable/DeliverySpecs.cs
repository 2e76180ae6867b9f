using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using NodaTime;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Tests.Durable;

/// <summary>The turn delivers a commit's effects: pages first and together, outcomes on the timeline, nothing dropped.</summary>
public class DeliverySpecs
{
    private static readonly Instant Now = T0 + Duration.FromMinutes(2);

    private static string? Outcome(ActivityCall call, Func<X.Page, C?> page) =>
        OrchestrationHarness.EffectOf(call) is X.Page p && page(p) is { } command ? IncidentJson.Serialize(command) : OrchestrationHarness.Default(call);

    private static bool IsWarRoomOrAnnouncement(ActivityCall call) => OrchestrationHarness.EffectOf(call) is X.OpenWarRoom or X.PublishAnnouncement;

    [Fact]
    public async Task Pages_run_before_the_war_room_and_the_announcement()
    {
        var harness = new OrchestrationHarness(Now);

        await harness.RunAsync(null, 0, Declare());

        var effects = harness.EffectsRun;
        Assert.IsType<X.Page>(effects[0]);
        Assert.Contains(effects, e => e is X.OpenWarRoom);
        Assert.Contains(effects, e => e is X.PublishAnnouncement);
        Assert.True(effects.ToList().FindLastIndex(e => e is X.Page) < effects.ToList().FindIndex(e => e is not X.Page));
    }

    [Fact]
    public void Every_page_of_a_level_is_started_before_any_of_them_is_awaited()
    {
        // Checkout escalates by the critical policy, whose level 3 pages Jordan and the incident commander (Sam after Monday noon).
        var declared = T0 + Duration.FromHours(2) + Duration.FromMinutes(30);
        var now = declared + Duration.FromMinutes(20);
        var harness = new OrchestrationHarness(now) { Holds = call => OrchestrationHarness.EffectOf(call) is X.Page };
        var checkout = Take(new C.Declare(Id, "Checkout failing", Severity.Sev1, Alice, Service: "checkout"), null, declared).State!;
        var state = Take(new C.Escalate(), checkout, declared + Duration.FromMinutes(6)).State!;
        var paged = Take(new C.Escalate(), state, now).Decision.Events.OfType<E.Paged>().Single();
        Assert.Equal(2, paged.Responders.Count);
        harness.Timer.SetResult();

        var run = harness.RunAsync(state, 1); // every page hangs: sequential paging would start only the first

        Assert.False(run.IsCompleted);
        Assert.Equal(paged.Responders, harness.EffectsRun.OfType<X.Page>().Select(p => p.Responder));
        Assert.DoesNotContain(harness.EffectsRun, e => e is not X.Page);
    }

    [Fact]
    public void A_hanging_war_room_does_not_delay_the_page_nor_its_outcome()
    {
        var harness = new OrchestrationHarness(Now)
        {
            Holds = call => OrchestrationHarness.EffectOf(call) is X.OpenWarRoom,
        };
        harness.Respond = call => Outcome(call, p => new C.RecordPageDelivered(p.ToRef()));

        var run = harness.RunAsync(null, 0, Declare());

        Assert.False(run.IsCompleted); // still waiting on Graph
        Assert.IsType<X.OpenWarRoom>(OrchestrationHarness.EffectOf(harness.Activities[^1]));
        Assert.Contains(harness.CommittedEvents, e => e is E.PageDelivered);
        Assert.True(harness.Activities.FindIndex(a => OrchestrationHarness.EffectOf(a) is X.Page)
            < harness.Activities.FindIndex(a => OrchestrationHarness.EffectOf(a) is X.OpenWarRoom));
    }

    [Fact]
    public async Task A_failing_war_room_and_announcement_do_not_delay_the_page_and_are_abandoned_on_the_timeline()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => IsWarRoomOrAnnouncement(call)
            ? throw new InvalidOperationException("Graph answered 503")
            : Outcome(call, p => new C.RecordPageDelivered(p.ToRef()));

        await harness.RunAsync(null, 0, Declare());

        var firstEffect = harness.Activities.First(a => a.Name == IncidentActivities.RunEffect);
        Assert.IsType<X.Page>(OrchestrationHarness.EffectOf(firstEffect));
        var abandoned = harness.CommittedEvents.OfType<E.EffectAbandoned>().ToList();
        Assert.Equal(["OpenWarRoom", "PublishAnnouncement"], abandoned.Select(a => a.Effect).Order());
        Assert.All(abandoned, a => Assert.Equal(ActivityRetry.Effect.MaxAttempts, a.Attempts));
        Assert.All(abandoned, a => Assert.Contains("Graph answered 503", a.Reason, StringComparison.Ordinal));
        Assert.Single(harness.CommittedEvents.OfType<E.PageDelivered>());
        Assert.NotNull(harness.ContinuedWith);
    }

    [Fact]
    public async Task A_delivered_page_lands_on_the_timeline()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => Outcome(call, p => new C.RecordPageDelivered(p.ToRef()));

        await harness.RunAsync(null, 0, Declare());

        var paged = harness.Commits[0].Events.OfType<E.Paged>().Single();
        var delivered = harness.CommittedEvents.OfType<E.PageDelivered>().ToList();
        Assert.Equal(paged.Responders, delivered.Select(d => d.Page.To));
        Assert.All(delivered, d => Assert.Equal(harness.Commits[0].Events.Count, d.Page.PagedEvent)); // Paged is the commit's last event
    }

    [Fact]
    public async Task An_undeliverable_page_lands_on_the_timeline_with_its_reason()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => Outcome(call, p => p.Level == 0 ? new C.RecordPageUndeliverable(p.ToRef(), PageFailure.AppNotInstalled, "no chat with them yet") : null);

        await harness.RunAsync(null, 0, Declare());

        var undeliverable = harness.CommittedEvents.OfType<E.PageUndeliverable>().First();
        Assert.Equal(PageFailure.AppNotInstalled, undeliverable.Reason);
        Assert.Equal("no chat with them yet", undeliverable.Detail);
        Assert.Equal(0, undeliverable.Page.Level);
    }

    [Fact]
    public async Task When_every_target_of_a_level_is_undeliverable_the_next_level_is_paged_at_once_in_the_same_turn()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => Outcome(call, p => p.Level == 0
            ? new C.RecordPageUndeliverable(p.ToRef(), PageFailure.AppNotInstalled)
            : new C.RecordPageDelivered(p.ToRef()));

        await harness.RunAsync(null, 0, Declare());

        var events = harness.CommittedEvents;
        var unreachable = Assert.Single(events.OfType<E.LevelUnreachable>());
        Assert.Equal(0, unreachable.Level);
        var second = events.OfType<E.Paged>().Single(p => p.Level == 1);
        Assert.Equal(Now, second.At); // not at the level-1 ack deadline
        Assert.Contains(harness.EffectsRun, e => e is X.Page { Level: 1 });
        Assert.Equal(1, harness.Continued.State!.Escalation!.Level);
        Assert.Equal(second.AckDeadline, harness.Continued.State.Escalation.AckDeadline);
    }

    [Fact]
    public async Task A_page_whose_activity_fails_on_every_attempt_is_undeliverable_not_dropped()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => OrchestrationHarness.EffectOf(call) is X.Page { Level: 0 }
            ? throw new InvalidOperationException("conversation store unavailable")
            : OrchestrationHarness.Default(call);

        await harness.RunAsync(null, 0, Declare());

        var undeliverable = harness.CommittedEvents.OfType<E.PageUndeliverable>().First();
        Assert.Equal(PageFailure.GaveUp, undeliverable.Reason);
        Assert.Contains("conversation store unavailable", undeliverable.Detail, StringComparison.Ordinal);
        Assert.Contains(harness.CommittedEvents, e => e is E.LevelUnreachable { Level: 0 });
    }

    [Fact]
    public async Task An_abandoned_effect_is_on_the_timeline_with_the_event_that_called_for_it()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => OrchestrationHarness.EffectOf(call) is X.PublishAnnouncement
            ? throw new InvalidOperationException("Bot Connector answered 503 three times")
            : OrchestrationHarness.Default(call);

        await harness.RunAsync(null, 0, Declare());

        var announcement = harness.EffectsRun.OfType<X.PublishAnnouncement>().Single();
        var abandoned = Assert.Single(harness.CommittedEvents.OfType<E.EffectAbandoned>());
        Assert.Equal(("PublishAnnouncement", announcement.EventNumber), (abandoned.Effect, abandoned.EventNumber));
        Assert.True(abandoned.EventNumber > 0);
    }

    [Fact]
    public void An_escalation_that_falls_due_while_the_announcement_hangs_pages_the_next_level_without_waiting_for_it()
    {
        var harness = new OrchestrationHarness(Now) { Holds = call => OrchestrationHarness.EffectOf(call) is X.PublishAnnouncement };

        var run = harness.RunAsync(null, 0, Declare());
        var deadline = Assert.Single(harness.LaterTimers); // level 1's ack deadline, raced against the announcement
        harness.Now = Instant.FromDateTimeUtc(DateTime.SpecifyKind(deadline.At, DateTimeKind.Utc));
        deadline.Fire.SetResult();

        Assert.False(run.IsCompleted); // the announcement still hangs
        Assert.Equal([0, 1], harness.CommittedEvents.OfType<E.Paged>().Select(p => p.Level));
        Assert.Equal(2, harness.LaterTimers.Count); // and level 2's deadline is raced against it in turn
    }

    [Fact]
    public void An_acknowledgement_that_arrives_while_the_announcement_hangs_is_taken_before_the_timeout_it_answers()
    {
        var harness = new OrchestrationHarness(Now) { Holds = call => OrchestrationHarness.EffectOf(call) is X.PublishAnnouncement };
        harness.Send(Declare());

        var run = harness.RunAsync(null, 0);
        Assert.Single(harness.LaterWaits).SetResult(IncidentJson.Serialize<C>(new C.Acknowledge(Bob)));

        Assert.False(run.IsCompleted);
        Assert.Contains(harness.CommittedEvents, e => e is E.Acknowledged);
        Assert.Single(harness.CommittedEvents.OfType<E.Paged>());
    }

    [Fact]
    public async Task Effects_left_when_the_turn_reaches_its_command_bound_still_run_and_their_outcomes_are_carried()
    {
        var harness = new OrchestrationHarness(Now);
        harness.Respond = call => OrchestrationHarness.EffectOf(call) is X.OpenWarRoom
            ? IncidentJson.Serialize<C>(new C.RecordWarRoom("19:room", "inc-2026-11-23-checkout-failing", null))
            : OrchestrationHarness.Default(call);
        var notes = Enumerable.Range(1, IncidentOrchestration.MaxCommandsPerTurn - 1).Select(i => (C)new C.AddNote($"note {i}", Alice, $"key-{i}"));

        await harness.RunAsync(null, 0, [Declare(), .. notes]);

        Assert.Contains(harness.EffectsRun, e => e is X.OpenWarRoom);
        Assert.Contains(harness.Continued.Pending, c => c is C.RecordWarRoom);
    }
}
