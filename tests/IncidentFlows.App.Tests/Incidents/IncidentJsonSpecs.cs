using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Tests.Incidents;

public class IncidentJsonSpecs
{
    [Fact]
    public void Every_event_and_effect_type_has_a_stored_contract_name()
    {
        static IEnumerable<Type> Kinds(Type root) => root.GetNestedTypes().Where(t => t.IsSubclassOf(root));

        Assert.Equal(Kinds(typeof(IncidentEvent)).OrderBy(t => t.Name), IncidentContracts.Events.Keys.OrderBy(t => t.Name));
        Assert.Equal(Kinds(typeof(IncidentEffect)).OrderBy(t => t.Name), IncidentContracts.Effects.Keys.OrderBy(t => t.Name));
        Assert.Equal(IncidentContracts.Events.Count, IncidentContracts.Events.Values.Distinct().Count());
    }

    [Fact]
    public void The_sample_covers_every_event_type()
    {
        Assert.Equal(IncidentContracts.Events.Count, SampleEvents.OfEveryKind().Select(e => e.GetType()).Distinct().Count());
    }

    [Fact]
    public void Every_event_round_trips_through_its_json()
    {
        foreach (var e in SampleEvents.OfEveryKind())
        {
            Assert.Equal(e, IncidentJson.Deserialize<IncidentEvent>(IncidentJson.Serialize<IncidentEvent>(e)));
        }
    }

    [Fact]
    public void The_state_snapshot_round_trips_to_an_equal_state()
    {
        var state = IncidentEvolution.Fold(SampleEvents.OfEveryKind());

        Assert.Equal(state, IncidentJson.Deserialize<Incident>(IncidentJson.Serialize(state)));
    }

    [Fact]
    public void An_effect_that_carries_an_event_round_trips()
    {
        var effect = new X.PostToWarRoom(SampleEvents.OfEveryKind()[3]) { Incident = new IncidentId("INC-7") };

        Assert.Equal(effect, IncidentJson.Deserialize<IncidentEffect>(IncidentJson.Serialize<IncidentEffect>(effect)));
    }

    [Fact]
    public void An_effect_keeps_the_number_of_the_event_that_called_for_it()
    {
        var page = new X.Page(new IncidentFlows.Domain.OnCall.Responder("bob", "Bob", "schedule primary"), 1, 0, SampleEvents.T0) { Incident = new IncidentId("INC-7"), EventNumber = 4 };

        var back = (X.Page)IncidentJson.Deserialize<IncidentEffect>(IncidentJson.Serialize<IncidentEffect>(page));

        Assert.Equal(page, back);
        Assert.Equal(4, back.ToRef().PagedEvent);
    }

    [Fact]
    public void An_effect_stored_before_event_numbers_existed_reads_as_number_zero()
    {
        var stored = """{"$type":"PublishAnnouncement","incident":"INC-7"}""";

        Assert.Equal(0, IncidentJson.Deserialize<IncidentEffect>(stored).EventNumber);
    }

    [Fact]
    public void Events_are_stored_under_their_contract_name_with_readable_times()
    {
        var json = IncidentJson.Serialize<IncidentEvent>(SampleEvents.OfEveryKind()[6]);

        Assert.Equal("""{"$type":"Acknowledged","by":{"id":"bob","name":"Bob"},"at":"2026-11-21T09:02:00Z"}""", json);
    }

    [Fact]
    public void A_pin_stored_before_author_time_and_link_existed_still_reads()
    {
        var stored = """{"$type":"MessagePinned","messageRef":"msg-1","text":"graph","by":{"id":"bob","name":"Bob"},"at":"2026-11-21T09:02:00Z"}""";

        var pinned = Assert.IsType<IncidentEvent.MessagePinned>(IncidentJson.Deserialize<IncidentEvent>(stored));

        Assert.Equal(("msg-1", null, null, null), (pinned.MessageRef, pinned.Author, pinned.PostedAt, pinned.Link));
    }

    [Fact]
    public void A_snapshot_keeps_when_the_postmortem_was_reviewed_and_when_action_items_were_finished()
    {
        var folded = IncidentEvolution.Fold(SampleEvents.OfEveryKind());
        var state = folded with { Times = folded.Times with { PostmortemReviewed = SampleEvents.T0, ActionItemsDone = SampleEvents.T0 } };

        var back = IncidentJson.Deserialize<Incident>(IncidentJson.Serialize(state));

        Assert.Equal(state, back);
        Assert.NotNull(back.ActionItems[1].FinishedAt);
    }

    [Fact]
    public void A_snapshot_stored_before_reviews_and_finishing_times_existed_still_loads_without_them()
    {
        var snapshot = System.Text.Json.Nodes.JsonNode.Parse(IncidentJson.Serialize(IncidentEvolution.Fold(SampleEvents.OfEveryKind())))!.AsObject();
        var times = snapshot["times"]!.AsObject();
        times.Remove("postmortemReviewed");
        times.Remove("actionItemsDone");
        foreach (var item in snapshot["actionItems"]!.AsArray())
        {
            item!.AsObject().Remove("finishedAt");
        }

        var state = IncidentJson.Deserialize<Incident>(snapshot.ToJsonString());

        Assert.Equal((null, null), (state.Times.PostmortemReviewed, state.Times.ActionItemsDone));
        Assert.All(state.ActionItems, i => Assert.Null(i.FinishedAt));
    }

    [Fact]
    public void An_unknown_event_name_is_refused_not_skipped()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => IncidentJson.Deserialize<IncidentEvent>("""{"$type":"Teleported","at":"2026-11-21T09:02:00Z"}"""));
    }
}
