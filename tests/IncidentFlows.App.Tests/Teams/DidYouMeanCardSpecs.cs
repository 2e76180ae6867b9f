using IncidentFlows.App.Teams.Cards;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Tests.Teams;

public sealed class DidYouMeanCardSpecs
{
    [Fact]
    public void A_near_miss_of_close_asks_with_one_button_that_closes_the_incident()
    {
        var card = DidYouMeanCard.Create("close", new IncidentId("INC-9"), "chose");

        Assert.Equal("Did you mean close INC-9?", card["body"]![0]!["text"]!.GetValue<string>());
        var button = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(CardVerbs.Close, button["verb"]!.GetValue<string>());
        Assert.Equal("INC-9", button["data"]![CardVerbs.IncidentKey]!.GetValue<string>());
    }

    [Fact]
    public void A_near_miss_of_a_status_offers_that_status()
    {
        var card = DidYouMeanCard.Create("status declined", new IncidentId("INC-3"), "status declnied");

        var button = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(CardVerbs.Status, button["verb"]!.GetValue<string>());
        Assert.Equal("declined", button["data"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void A_near_miss_of_reviewed_offers_to_mark_the_postmortem_reviewed()
    {
        var button = Assert.Single(DidYouMeanCard.Create("reviewed", new IncidentId("INC-7"), "reviewd")["actions"]!.AsArray())!;

        Assert.Equal((CardVerbs.ReviewPostmortem, "INC-7"), (button["verb"]!.GetValue<string>(), button["data"]![CardVerbs.IncidentKey]!.GetValue<string>()));
    }

    [Fact]
    public void Reopen_has_no_button_because_it_needs_a_reason_typed() =>
        Assert.Empty(DidYouMeanCard.Create("reopen", new IncidentId("INC-3"), "repoen")["actions"]?.AsArray() ?? []);
}
