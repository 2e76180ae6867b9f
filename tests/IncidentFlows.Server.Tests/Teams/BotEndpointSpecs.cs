using System.Net;
using System.Text.Json.Nodes;
using IncidentFlows.Testing;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>Recorded Teams activities through POST /api/messages of the running server, with Connector tokens.</summary>
[Collection(SharedAzurite.Name)]
public sealed class BotEndpointSpecs(AzuriteFixture azurite) : IAsyncLifetime
{
    private TeamsServer _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsServer.StartAsync(azurite.Server);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task An_activity_without_a_token_is_refused_and_changes_nothing()
    {
        using var response = await _teams.SendAsync(_teams.Recorded("personal-message"), token: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await _teams.Host.GetAsync("/api/incidents"))["items"]!.AsArray());
        Assert.Empty(_teams.Connector.Requests);
    }

    [Fact]
    public async Task A_token_for_another_bot_is_refused()
    {
        var activity = _teams.Recorded("personal-message");

        using var response = await _teams.SendAsync(activity, _teams.Issuer.Token("22222222-0000-0000-0000-000000000000", (string)activity["serviceUrl"]!));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_declare_in_a_personal_chat_declares_and_replies_with_the_incident_card()
    {
        var message = _teams.Recorded("personal-message");

        using var response = await _teams.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var incident = (await _teams.Host.GetAsync("/api/incidents"))["items"]!.AsArray().Single()!;
        Assert.Equal(("checkout failing", "sev2"), ((string)incident["title"]!, ((string)incident["severity"]!).ToLowerInvariant()));
        var reply = Assert.Single(_teams.Connector.Requests, r => r.Path.EndsWith($"/activities/{message["id"]}", StringComparison.Ordinal));
        Assert.Equal("/v3/conversations/fb6747c5-9876-48cd-a94a-7de7f54c8280/activities/" + message["id"], reply.Path);
        Assert.Equal($"{incident["id"]} · SEV2 · triage", (string?)JsonNode.Parse(reply.Body)!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task A_retried_delivery_of_the_same_declare_makes_one_incident()
    {
        var message = _teams.Recorded("personal-message");

        await _teams.SendAsync(message);
        await _teams.SendAsync(message);

        Assert.Single((await _teams.Host.GetAsync("/api/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_channel_mention_acknowledges_the_named_incident_as_the_teams_user()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message"));

        using var response = await _teams.SendAsync(_teams.Recorded("channel-mention", a => a["text"] = "<at>Test Bot</at> inc-1 ACK"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var incident = await _teams.Host.GetAsync("/api/incidents/INC-1");
        Assert.Equal("Alex Wilber", (string)incident["acknowledgedBy"]!["name"]!);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", (string)incident["acknowledgedBy"]!["id"]!);
    }

    [Fact]
    public async Task A_typed_command_refreshes_the_incidents_card_in_place_and_says_so_instead_of_posting_another()
    {
        var declare = _teams.Recorded("personal-message");
        await _teams.SendAsync(declare);

        await _teams.SendAsync(_teams.Recorded("personal-message", a => (a["id"], a["text"]) = ("1764000000001", "inc-1 ack")));

        var conversation = (string)declare["conversation"]!["id"]!;
        var update = Assert.Single(_teams.Connector.Requests, r => r.Method == "PUT");
        Assert.StartsWith($"/v3/conversations/{conversation}/activities/", update.Path, StringComparison.Ordinal);
        Assert.Single(_teams.Connector.Requests, r => r.Method == "POST" && r.Path.StartsWith($"/v3/conversations/{conversation}/", StringComparison.Ordinal)
            && r.Body.Contains("\"attachments\"", StringComparison.Ordinal)); // in this chat, the declare's card only
        Assert.Contains("""{"title":"Acknowledged","value":"Alex Wilber"}""", update.Body, StringComparison.Ordinal);
        var reply = JsonNode.Parse(_teams.Connector.Requests.Single(r => r.Path.EndsWith("/activities/1764000000001", StringComparison.Ordinal)).Body)!;
        Assert.Null(reply["attachments"]);
        Assert.EndsWith("its card above is up to date.", (string?)reply["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_execute_invoke_answers_with_the_refreshed_card()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message"));

        using var response = await _teams.SendAsync(_teams.Recorded("execute-invoke", a => a["value"]!["action"]!["data"]!["incident"] = "INC-1"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)body["type"]!);
        var card = body["value"]!.ToJsonString();
        Assert.Contains("\"value\":\"Alex Wilber\"", card, StringComparison.Ordinal); // acknowledged by
        Assert.DoesNotContain("\"verb\":\"acknowledge\"", card, StringComparison.Ordinal); // nothing left to acknowledge
    }

    [Fact]
    public async Task Lead_by_mention_assigns_the_team_member_behind_the_mentioned_teams_user()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message"));
        _teams.Connector.Members["user-id-1"] = new JsonObject { ["id"] = "user-id-1", ["name"] = "Priya S.", ["aadObjectId"] = "5b0c1d6e-1a2b-4c3d-8e4f-000000000004" };

        await _teams.SendAsync(_teams.Recorded("channel-mention", a =>
        {
            a["text"] = "<at>Test Bot</at> INC-1 lead <at>Priya S.</at>";
            a["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = "user-id-1", ["name"] = "Priya S." }, ["text"] = "<at>Priya S.</at>" });
        }));

        var incident = await _teams.Host.GetAsync("/api/incidents/INC-1");
        var lead = incident["roles"]!.AsArray().Single(r => (string)r!["role"]! == "lead" && r["until"] is null)!;
        Assert.Equal("priya", (string)lead["person"]!["id"]!); // the configured team member, found by Entra object id
    }

    [Fact]
    public async Task A_card_submit_declares_from_the_forms_inputs()
    {
        await _teams.SendAsync(_teams.Recorded("card-submit"));

        var incident = (await _teams.Host.GetAsync("/api/incidents"))["items"]!.AsArray().Single()!;
        Assert.Equal("Search is slow", (string)incident["title"]!);
        var reply = Assert.Single(_teams.Connector.Requests, r => r.Path.StartsWith("/v3/conversations/fb6747c5", StringComparison.Ordinal));
        Assert.Contains("Search is slow", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oncall_answers_who_is_on_call_now_per_level()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message", a => a["text"] = "on-call"));

        var text = (string?)JsonNode.Parse(Assert.Single(_teams.Connector.Requests).Body)!["text"];
        var onCall = (await _teams.Host.GetAsync("/api/oncall?policy=standard"))["levels"]![0]!["responders"]![0]!;
        Assert.Contains("- Level 1: ", text, StringComparison.Ordinal);
        Assert.Contains((string)onCall["via"]!, text, StringComparison.Ordinal); // whichever layer of follow-the-sun is on now
    }

    [Fact]
    public async Task Unknown_input_gets_the_help_card_never_silence()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message", a => a["text"] = "what is happening?"));

        var reply = Assert.Single(_teams.Connector.Requests);
        Assert.Contains("I did not understand", reply.Body, StringComparison.Ordinal);
        Assert.Contains("IncidentFlows commands", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_war_room_is_opened_announced_and_its_channel_implies_the_incident()
    {
        await _teams.SendAsync(_teams.Recorded("installation-update"));
        await _teams.SendAsync(_teams.Recorded("personal-message"));
        var incident = await _teams.Host.EventuallyAsync("INC-1", i => i["warRoom"] is not null, "the war room");
        var channel = (string)incident["warRoom"]!["channelId"]!;
        await _teams.ConnectorEventuallyAsync(r => r.Method == "POST" && r.Body.Contains(TestTenant.IncidentsChannel, StringComparison.Ordinal), "the announcement");

        await _teams.SendAsync(_teams.Recorded("channel-mention", a =>
        {
            a["text"] = "<at>Test Bot</at> update rolling back 4.2";
            a["channelData"]!["channel"]!["id"] = channel;
            a["conversation"]!["id"] = channel + ";messageid=1";
        }));

        var timeline = await _teams.Host.GetAsync("/api/incidents/INC-1/timeline");
        Assert.Contains(timeline["rows"]!.AsArray(), r => (string)r!["kind"]! == "update" && (string)r["text"]! == "rolling back 4.2");
        var created = Assert.Single(_teams.Graph.Requests, r => r.Method == "POST" && r.Path.EndsWith("/channels", StringComparison.Ordinal));
        var reported = DateTimeOffset.Parse((string)incident["keyTimes"]!["reported"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"\"displayName\":\"inc-{reported.UtcDateTime:yyyy-MM-dd}-checkout-failing\"", created.Body, StringComparison.Ordinal);
        await _teams.ConnectorEventuallyAsync(r => r.Method == "PUT", "the announcement updated in place");
    }

    [Fact]
    public async Task The_war_rooms_description_follows_the_lead_and_a_new_title_renames_it_keeping_its_date()
    {
        await _teams.SendAsync(_teams.Recorded("installation-update"));
        await _teams.SendAsync(_teams.Recorded("personal-message"));
        var incident = await _teams.Host.EventuallyAsync("INC-1", i => i["warRoom"] is not null, "the war room");
        var channel = (string)incident["warRoom"]!["channelId"]!;
        var reported = DateTimeOffset.Parse((string)incident["keyTimes"]!["reported"]!, System.Globalization.CultureInfo.InvariantCulture);

        await _teams.Host.PostAsync("/api/incidents/INC-1/roles", new { role = "lead", assignee = new { id = "oliver", name = "Oliver Hughes" } });
        var described = await Poll.UntilAsync(
            () => Task.FromResult(_teams.Graph.Requests.FirstOrDefault(r => r.Method == "PATCH" && r.Path.EndsWith($"/channels/{channel}", StringComparison.Ordinal) && r.Body.Contains("Lead: Oliver Hughes", StringComparison.Ordinal))),
            () => "the description PATCH naming the lead: " + string.Join("\n", _teams.Graph.Requests.Select(r => $"{r.Method} {r.Path} {r.Body}")),
            TimeSpan.FromSeconds(30));
        await _teams.Host.PostAsync("/api/incidents/INC-1/title", new { title = "Card payments fail in the EU" });
        var renamed = await Poll.UntilAsync(
            () => Task.FromResult(_teams.Graph.Requests.FirstOrDefault(r => r.Method == "PATCH" && r.Body.Contains("displayName", StringComparison.Ordinal))),
            () => "the rename PATCH: " + string.Join("\n", _teams.Graph.Requests.Select(r => $"{r.Method} {r.Path} {r.Body}")),
            TimeSpan.FromSeconds(30));
        var after = await _teams.Host.EventuallyAsync("INC-1", i => ((string)i["warRoom"]!["name"]!).EndsWith("card-payments-fail-in-the-eu", StringComparison.Ordinal), "the war room renamed on the incident", TimeSpan.FromSeconds(30));

        Assert.Contains($"INC-1: Lead: Oliver Hughes | Severity: SEV2 | Status: ", described.Body, StringComparison.Ordinal);
        Assert.Contains($"\"displayName\":\"inc-{reported.UtcDateTime:yyyy-MM-dd}-card-payments-fail-in-the-eu\"", renamed.Body, StringComparison.Ordinal);
        Assert.Equal("Card payments fail in the EU", (string)after["title"]!);
    }

    [Fact]
    public async Task The_closing_cards_buttons_give_the_review_an_owner_and_add_an_action_item()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message"));
        await _teams.Host.PostAsync("/api/incidents/INC-1/resolve", new { summary = "rolled back" });
        await _teams.Host.PostAsync("/api/incidents/INC-1/close");

        using var owner = await _teams.SendAsync(_teams.Recorded("execute-invoke", a =>
        {
            a["id"] = "invoke-owner";
            a["value"]!["action"]!["verb"] = "reviewOwner";
            a["value"]!["action"]!["data"] = new JsonObject { ["incident"] = "INC-1", ["owner"] = "5b0c1d6e-1a2b-4c3d-8e4f-000000000003" };
        }));
        using var action = await _teams.SendAsync(_teams.Recorded("execute-invoke", a =>
        {
            a["id"] = "invoke-action";
            a["value"]!["action"]!["verb"] = "addAction";
            a["value"]!["action"]!["data"] = new JsonObject { ["incident"] = "INC-1", ["title"] = "Alert on checkout 5xx" };
        }));

        var card = JsonNode.Parse(await action.Content.ReadAsStringAsync())!["value"]!.ToJsonString();
        var items = (await _teams.Host.GetAsync("/api/incidents/INC-1"))["actionItems"]!.AsArray();
        Assert.Equal(["Lead the postmortem review of INC-1", "Alert on checkout 5xx"], items.Select(i => (string)i!["details"]!["title"]!));
        Assert.Equal("Oliver Hughes", (string?)items[0]!["details"]!["assignee"]!["name"]);
        Assert.Contains("Review owner: Oliver Hughes.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"verb\":\"reviewOwner\"", card, StringComparison.Ordinal); // the review has its owner
    }
}
