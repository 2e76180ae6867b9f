using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.Domain.Incidents;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.App.Tests.Teams;

public sealed class CardSpecs
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 10, 5);
    private static readonly Person Oliver = new("oliver", "Oliver Hughes");

    public static TheoryData<string, JsonObject> EveryCard() => new()
    {
        { "incident", IncidentCard.For(TeamsKit.Declared()) },
        { "incident with a problem", IncidentCard.For(TeamsKit.Declared(), "INC-42 is already resolved.") },
        { "page", PageCard.For(TeamsKit.Declared(), 0, 1, "schedule follow-the-sun, layer London", "10:20 (UTC)") },
        { "status update", StatusUpdateCard.For(TeamsKit.Declared(), "10:30 (UTC)") },
        { "declare", DeclareCard.Create() },
        { "help", HelpCard.Create("what?") },
        { "tutorial announcement step", TutorialCard.For(TeamsKit.Declared() with { Kind = IncidentKind.Tutorial }, Domain.Learning.TutorialStep.ShowAnnouncement, new Uri("https://incidents.contoso.example/")) },
        { "closing postmortem", PostmortemCard.For(Closed(), site: new Uri("https://incidents.contoso.example/")) },
        { "postmortem", PostmortemCard.For(Resolved(), "INC-42 was reopened.", new Uri("https://incidents.contoso.example/")) },
        { "reviewed postmortem", PostmortemCard.For(Reviewed()) },
    };

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Every_card_is_an_adaptive_card_1_5_without_a_single_null(string name, JsonObject card)
    {
        Assert.Equal(("AdaptiveCard", "1.5"), ((string?)card["type"], (string?)card["version"]));
        Assert.False(HasNull(card), $"the {name} card has a null");
    }

    [Fact]
    public void An_open_unacknowledged_incident_offers_acknowledge_join_update_status_and_resolve() =>
        Assert.Equal(["Acknowledge", "I'm joining", "Update status", "Resolve"], Titles(IncidentCard.For(TeamsKit.Declared())));

    [Fact]
    public void The_announcement_reads_title_and_severity_the_summary_the_facts_and_when_it_was_last_updated_in_the_readers_time()
    {
        var incident = TeamsKit.Declared() with { Summary = "EU card payments time out at the gateway" };
        var acknowledged = IncidentEvolution.Evolve(incident, new E.Acknowledged(Oliver) { At = At });

        var texts = IncidentCard.For(acknowledged)["body"]!.AsArray().Where(b => (string?)b!["type"] == "TextBlock").Select(b => (string)b!["text"]!).ToList();

        Assert.Equal("Checkout failing (SEV2)", texts[1]);
        Assert.Equal("EU card payments time out at the gateway", texts[2]);
        Assert.Equal("Last updated {{DATE(2026-11-23T10:05:00Z, SHORT)}} at {{TIME(2026-11-23T10:05:00Z)}}", texts[^1]);
    }

    [Fact]
    public void The_closing_card_says_how_to_reopen_and_offers_the_next_steps()
    {
        var card = PostmortemCard.For(Closed(), site: new Uri("https://incidents.contoso.example/"));

        var texts = card["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();

        Assert.Contains(texts, t => t!.StartsWith("INC-42 is closed. If it comes back, say \"reopen\" and why here", StringComparison.Ordinal));
        Assert.Contains("Action items: 0 (0 open). Review owner: nobody yet.", texts);
        Assert.Equal(["Read the postmortem", "Mark postmortem reviewed", "Add an action item", "Update action items", "Assign the review"], Titles(card));
    }

    [Fact]
    public void With_a_public_base_url_the_card_links_to_the_incident_homepage_absolutely()
    {
        var card = IncidentCard.For(TeamsKit.Declared(), site: new Uri("https://incidents.contoso.example/"));

        Assert.Equal(["Incident homepage", "Acknowledge", "I'm joining", "Update status", "Resolve"], Titles(card));
        Assert.Contains("\"url\":\"https://incidents.contoso.example/incidents/INC-42\"", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Once_acknowledged_the_card_says_by_whom_and_stops_offering_it()
    {
        var card = IncidentCard.For(IncidentEvolution.Evolve(TeamsKit.Declared(), new E.Acknowledged(Oliver) { At = At }));

        Assert.Equal(["I'm joining", "Update status", "Resolve"], Titles(card));
        Assert.Contains("""{"title":"Acknowledged","value":"Oliver Hughes"}""", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_incident_has_no_buttons_but_its_war_room_link()
    {
        var incident = new IncidentEvent[]
        {
            new E.WarRoomRecorded("19:w@thread.tacv2", "inc-2026-11-23-checkout-failing", "https://teams.microsoft.com/l/channel/x") { At = At },
            new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Oliver, null) { At = At },
        }.Aggregate(TeamsKit.Declared(), IncidentEvolution.Evolve);

        Assert.Equal(["Open war room"], Titles(IncidentCard.For(incident)));
    }

    [Fact]
    public void Incident_buttons_carry_the_incident_and_a_verb()
    {
        var execute = IncidentCard.For(TeamsKit.Declared())["actions"]!.AsArray().Where(a => (string?)a!["type"] == "Action.Execute").ToList();

        Assert.All(execute, a => Assert.Equal("INC-42", (string?)a!["data"]![CardVerbs.IncidentKey]));
        Assert.Equal([CardVerbs.Acknowledge, CardVerbs.Join, CardVerbs.Resolve], execute.Select(a => (string?)a!["verb"]));
    }

    [Fact]
    public void A_resolved_incidents_postmortem_card_offers_to_read_it_and_mark_it_reviewed()
    {
        var card = PostmortemCard.For(Resolved(), site: new Uri("https://incidents.contoso.example/"));

        Assert.Equal(["Read the postmortem", "Mark postmortem reviewed"], Titles(card));
        var button = card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.Execute")!;
        Assert.Equal((CardVerbs.ReviewPostmortem, "INC-42"), ((string?)button["verb"], (string?)button["data"]![CardVerbs.IncidentKey]));
        Assert.Contains("\"url\":\"https://incidents.contoso.example/incidents/INC-42/postmortem\"", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Once_reviewed_the_postmortem_card_says_when_and_how_long_learning_took_and_offers_no_button()
    {
        var card = PostmortemCard.For(Reviewed());

        Assert.Empty(Titles(card));
        Assert.Contains("Postmortem reviewed 2026-11-25 10:05:00 UTC, 2d 0h 0m 0s after the resolution.", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_incident_has_no_postmortem_to_mark_reviewed() =>
        Assert.DoesNotContain("Mark postmortem reviewed", Titles(PostmortemCard.For(TeamsKit.Declared())));

    private static Incident Resolved() =>
        IncidentEvolution.Evolve(TeamsKit.Declared(), new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Oliver, null) { At = At });

    private static Incident Reviewed() => IncidentEvolution.Evolve(Resolved(), new E.PostmortemReviewed(Oliver) { At = At + Duration.FromDays(2) });

    private static List<string?> Titles(JsonObject card) => [.. card["actions"]?.AsArray().Select(a => (string?)a!["title"]) ?? []];

    private static bool HasNull(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Any(p => HasNull(p.Value)),
        JsonArray a => a.Any(HasNull),
        _ => false,
    };

    private static Incident Closed() =>
        new[]
        {
            new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Oliver, "rolled back") { At = At },
            new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, Oliver, null) { At = At },
        }.Aggregate(TeamsKit.Declared(), IncidentEvolution.Evolve);
}
