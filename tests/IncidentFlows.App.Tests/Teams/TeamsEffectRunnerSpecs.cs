using System.Text.Json.Nodes;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using IncidentFlows.Testing.Teams;
using NodaTime;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>Each effect done for real against the fake Connector and Graph, through the registered IEffectRunner.</summary>
public sealed class TeamsEffectRunnerSpecs : IAsyncLifetime
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 10, 5);
    private static readonly IncidentId Id = new("INC-42");
    private static readonly Guid OliversEntraId = Guid.Parse("5b0c1d6e-1a2b-4c3d-8e4f-000000000003");
    private TeamsKit _kit = null!;

    private IEffectRunner Runner => _kit.Get<IEffectRunner>();

    public async Task InitializeAsync() => _kit = await TeamsKit.StartAsync(archiveOnClose: true);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public void Teams_replaces_the_console_runner_when_configured() => Assert.IsType<TeamsEffectRunner>(Runner);

    [Fact]
    public async Task Opening_the_war_room_records_it_and_links_the_channel_to_the_incident()
    {
        var result = await Runner.RunAsync(new X.OpenWarRoom("Checkout failing", At) { Incident = Id }, TeamsKit.Declared(), default);

        var record = Assert.IsType<C.RecordWarRoom>(result);
        Assert.Equal("inc-2026-11-23-checkout-failing", record.Name);
        Assert.Equal("INC-42", await _kit.Get<ConversationBook>().IncidentOfChannelAsync(record.ChannelId, default));
    }

    [Fact]
    public async Task The_announcement_is_posted_once_in_the_incidents_channel_then_updated_in_place()
    {
        var incident = TeamsKit.Declared();

        var first = Assert.IsType<C.RecordAnnouncement>(await Runner.RunAsync(new X.PublishAnnouncement { Incident = Id }, incident, default));
        var acknowledged = Evolve(incident, new E.AnnouncementRecorded(first.MessageRef) { At = At }, new E.Acknowledged(new Person("oliver", "Oliver Hughes")) { At = At });
        var second = await Runner.RunAsync(new X.PublishAnnouncement { Incident = Id }, acknowledged, default);

        Assert.Null(second);
        var (post, put) = (_kit.Connector.Requests[0], _kit.Connector.Requests[1]);
        Assert.Equal(("POST", "/v3/conversations"), (post.Method, post.Path));
        Assert.Equal(TestTenant.IncidentsChannel, (string?)JsonNode.Parse(post.Body)!["channelData"]!["channel"]!["id"]);
        var reference = MessageRef.Parse(first.MessageRef)!;
        Assert.Equal(("PUT", $"/v3/conversations/{reference.ConversationId}/activities/{reference.ActivityId}"), (put.Method, put.Path));
        Assert.Contains("Oliver Hughes", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_is_a_one_to_one_card_and_an_activity_feed_notification_and_reports_itself_delivered()
    {
        await OliverIsKnownAsync();
        var page = OliversPage();

        Assert.Equal(new C.RecordPageDelivered(page.ToRef()), await Runner.RunAsync(page, TeamsKit.Declared(), default));

        var (create, send) = (_kit.Connector.Requests[0], _kit.Connector.Requests[1]);
        Assert.Equal("29:oliver", (string?)JsonNode.Parse(create.Body)!["members"]![0]!["id"]);
        Assert.Equal(("POST", "/v3/conversations"), (create.Method, create.Path));
        Assert.StartsWith("/v3/conversations/a:personal-", send.Path, StringComparison.Ordinal);
        Assert.Contains("You are paged: INC-42", send.Body, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"acknowledge\"", send.Body, StringComparison.Ordinal);
        var feed = Assert.Single(_kit.Graph.Requests);
        Assert.Equal($"/v1.0/users/{OliversEntraId}/teamwork/sendActivityNotification", feed.Path);
        Assert.Equal("incidentPaged", (string?)JsonNode.Parse(feed.Body)!["activityType"]);
        var remembered = await _kit.Get<ConversationBook>().UserAsync(OliversEntraId.ToString(), default);
        Assert.StartsWith("a:personal-", remembered!.ConversationId, StringComparison.Ordinal); // the next page reuses the chat
    }

    [Fact]
    public async Task Someone_the_bot_has_never_met_is_undeliverable_because_the_app_is_not_installed_but_still_gets_the_bell()
    {
        var page = new X.Page(new Responder("priya", "Priya Shah", "schedule follow-the-sun"), 0, 0, At) { Incident = Id, EventNumber = 3 };

        var outcome = Assert.IsType<C.RecordPageUndeliverable>(await Runner.RunAsync(page, TeamsKit.Declared(), default));

        Assert.Equal((page.ToRef(), PageFailure.AppNotInstalled), (outcome.Page, outcome.Reason));
        Assert.Empty(_kit.Connector.Requests);
        Assert.Single(_kit.Graph.Requests);
    }

    [Fact]
    public async Task A_person_teams_says_has_not_installed_the_app_is_undeliverable_with_what_teams_answered()
    {
        await OliverIsKnownAsync();
        _kit.Connector.WithoutApp.Add(OliversEntraId.ToString());

        var outcome = Assert.IsType<C.RecordPageUndeliverable>(await Runner.RunAsync(OliversPage(), TeamsKit.Declared(), default));

        Assert.Equal(PageFailure.AppNotInstalled, outcome.Reason);
        Assert.Contains("BotNotInConversationRoster", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_teams_refuses_is_undeliverable_not_an_exception_to_retry()
    {
        await OliverIsKnownAsync();
        _kit.Connector.FailNext(new FakeResponse(403, """{"error":{"code":"BotDisabledByAdmin","message":"The tenant admin disabled this bot"}}"""));

        var outcome = Assert.IsType<C.RecordPageUndeliverable>(await Runner.RunAsync(OliversPage(), TeamsKit.Declared(), default));

        Assert.Equal(PageFailure.TeamsRefused, outcome.Reason);
        Assert.Contains("BotDisabledByAdmin", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_run_again_after_it_was_delivered_is_not_sent_twice_and_is_still_delivered()
    {
        await OliverIsKnownAsync();
        var page = OliversPage();

        await Runner.RunAsync(page, TeamsKit.Declared(), default);
        var again = await Runner.RunAsync(page, TeamsKit.Declared(), default);

        Assert.Equal(new C.RecordPageDelivered(page.ToRef()), again);
        Assert.Single(_kit.Connector.Requests, r => r.Body.Contains("You are paged", StringComparison.Ordinal));
        Assert.Single(_kit.Graph.Requests);
    }

    [Fact]
    public async Task The_same_level_paged_again_after_a_reopen_is_sent_again()
    {
        await OliverIsKnownAsync();

        await Runner.RunAsync(OliversPage() with { EventNumber = 3 }, TeamsKit.Declared(), default);
        await Runner.RunAsync(OliversPage() with { EventNumber = 12 }, TeamsKit.Declared(), default);

        Assert.Equal(2, _kit.Connector.Requests.Count(r => r.Body.Contains("You are paged", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_war_room_posts_of_one_kind_at_the_same_instant_are_both_posted()
    {
        var incident = Evolve(TeamsKit.Declared(), new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At });

        await Runner.RunAsync(new X.PostToWarRoom(new E.CoverageGapFound(1, 0) { At = At }) { Incident = Id, EventNumber = 5 }, incident, default);
        await Runner.RunAsync(new X.PostToWarRoom(new E.CoverageGapFound(0, 1) { At = At }) { Incident = Id, EventNumber = 6 }, incident, default);
        await Runner.RunAsync(new X.PostToWarRoom(new E.CoverageGapFound(0, 1) { At = At }) { Incident = Id, EventNumber = 6 }, incident, default); // a retry

        Assert.Equal(2, _kit.Connector.Requests.Count);
    }

    [Fact]
    public async Task A_war_room_post_about_a_page_names_who_was_paged_and_the_level_without_making_them_its_author()
    {
        var incident = Evolve(TeamsKit.Declared(), new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At });
        var paged = new E.Paged(1, 0, ValueList.From([new Responder("sam", "Sam Okafor", "schedule incident-commanders")]), At + Duration.FromMinutes(10)) { At = At };

        await Runner.RunAsync(new X.PostToWarRoom(paged) { Incident = Id, EventNumber = 7 }, incident, default);

        var text = (string?)JsonNode.Parse(Assert.Single(_kit.Connector.Requests).Body)!["activity"]!["text"];
        Assert.Equal("Paged at level 2, round 1: Sam Okafor (schedule incident-commanders).", text);
    }

    [Fact]
    public async Task The_war_rooms_welcome_names_the_level_1_page_that_went_out_before_the_room_existed()
    {
        var incident = Evolve(
            TeamsKit.Declared(),
            new E.EscalationStarted(new EscalationPlan("critical", [Duration.FromMinutes(5)], 0, 0)) { At = At },
            new E.Paged(0, 0, ValueList.From([OliversPage().Responder]), At + Duration.FromMinutes(5)) { At = At },
            new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At });

        await Runner.RunAsync(new X.WelcomeWarRoom { Incident = Id, EventNumber = 4 }, incident, default);

        var text = (string?)JsonNode.Parse(_kit.Connector.Requests.Single(r => r.Body.Contains("Welcome", StringComparison.Ordinal)).Body)!["activity"]!["text"];
        Assert.Contains("Paged at level 1, round 1: Oliver Hughes (schedule follow-the-sun, layer London).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_war_rooms_members_are_read_as_team_members_where_the_configuration_knows_them()
    {
        var incident = Evolve(TeamsKit.Declared(), new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At });
        _kit.Graph.ChannelMembers.Add((OliversEntraId.ToString(), "Oliver H. (Contoso)"));
        _kit.Graph.ChannelMembers.Add(("7d1e0f00-0000-0000-0000-0000000000ff", "Pat Guest"));

        var result = await Runner.RunAsync(new X.ReadWarRoomMembers { Incident = Id, EventNumber = 9 }, incident, default);

        var recorded = Assert.IsType<C.RecordWarRoomMembers>(result);
        Assert.Equal([new Person("oliver", "Oliver Hughes"), new Person("7d1e0f00-0000-0000-0000-0000000000ff", "Pat Guest")], recorded.Members);
        Assert.Equal($"/v1.0/teams/{TestTenant.TeamGroupId}/channels/19:warroom9@thread.tacv2/members", Assert.Single(_kit.Graph.Requests).Path);
    }

    [Fact]
    public async Task An_announcement_run_again_before_its_reference_was_recorded_is_not_posted_twice()
    {
        var first = await Runner.RunAsync(new X.PublishAnnouncement { Incident = Id, EventNumber = 3 }, TeamsKit.Declared(), default);
        var again = await Runner.RunAsync(new X.PublishAnnouncement { Incident = Id, EventNumber = 3 }, TeamsKit.Declared(), default);

        Assert.Equal(first, again);
        Assert.Single(_kit.Connector.Requests);
    }

    private Task OliverIsKnownAsync() =>
        _kit.Get<ConversationBook>().SaveUserAsync(OliversEntraId.ToString(), new ConversationReference(_kit.Connector.ServiceUrl.AbsoluteUri, "", "tenant-1", TestTenant.AppId, "29:oliver"), default);

    private static X.Page OliversPage() =>
        new(new Responder("oliver", "Oliver Hughes", "schedule follow-the-sun, layer London"), 0, 0, At + Duration.FromMinutes(5)) { Incident = Id, EventNumber = 3 };

    [Fact]
    public async Task Closing_posts_to_the_war_room_then_archives_it()
    {
        var closing = new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, new Person("oliver", "Oliver Hughes"), null) { At = At };
        var incident = Evolve(TeamsKit.Declared(), new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At });

        await Runner.RunAsync(new X.PostToWarRoom(closing) { Incident = Id }, incident, default);

        var post = Assert.Single(_kit.Connector.Requests);
        Assert.Equal("19:warroom9@thread.tacv2", (string?)JsonNode.Parse(post.Body)!["channelData"]!["channel"]!["id"]);
        Assert.Equal("**Oliver Hughes**: resolved → closed", (string?)JsonNode.Parse(post.Body)!["activity"]!["text"]);
        Assert.Equal($"/v1.0/teams/{TestTenant.TeamGroupId}/channels/19:warroom9@thread.tacv2/archive", Assert.Single(_kit.Graph.Requests).Path);
    }

    [Fact]
    public async Task A_close_retried_because_archiving_failed_archives_without_posting_again()
    {
        var closing = new X.PostToWarRoom(new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, new Person("oliver", "Oliver Hughes"), null) { At = At }) { Incident = Id };
        var incident = Evolve(TeamsKit.Declared(), new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At });
        _kit.Graph.FailNext(new FakeResponse(400, """{"error":{"code":"BadRequest","message":"try again"}}"""));

        await Assert.ThrowsAnyAsync<Exception>(() => Runner.RunAsync(closing, incident, default));
        await Runner.RunAsync(closing, incident, default);

        Assert.Single(_kit.Connector.Requests);
        Assert.Equal(2, _kit.Graph.Requests.Count(r => r.Path.EndsWith("/archive", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_postmortem_draft_is_shared_in_the_war_room_once()
    {
        var incident = Evolve(TeamsKit.Declared(), new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At });
        var share = new X.SharePostmortem(IncidentStatus.Resolved) { Incident = Id };

        await Runner.RunAsync(share, incident, default);
        await Runner.RunAsync(share, incident, default);

        var post = Assert.Single(_kit.Connector.Requests);
        Assert.Equal("INC-42 is resolved. The postmortem draft is ready — key times, timeline and action items: `/api/incidents/INC-42/postmortem`", (string?)JsonNode.Parse(post.Body)!["activity"]!["text"]);
    }

    [Fact]
    public async Task The_postmortem_share_carries_the_button_that_marks_it_reviewed_until_it_is()
    {
        var oliver = new Person("oliver", "Oliver Hughes");
        var resolved = Evolve(
            TeamsKit.Declared(),
            new E.WarRoomRecorded("19:warroom9@thread.tacv2", "inc-2026-11-23-checkout-failing", null) { At = At },
            new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, oliver, null) { At = At });
        var closed = Evolve(resolved, new E.PostmortemReviewed(oliver) { At = At }, new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, oliver, null) { At = At });

        await Runner.RunAsync(new X.SharePostmortem(IncidentStatus.Resolved) { Incident = Id, EventNumber = 5 }, resolved, default);
        await Runner.RunAsync(new X.SharePostmortem(IncidentStatus.Closed) { Incident = Id, EventNumber = 7 }, closed, default);

        var (onResolve, onClose) = (Card(_kit.Connector.Requests[0].Body), Card(_kit.Connector.Requests[1].Body));
        var button = Assert.Single(onResolve["actions"]!.AsArray())!;
        Assert.Equal(("Action.Execute", "Mark postmortem reviewed", CardVerbs.ReviewPostmortem, "INC-42"),
            ((string?)button["type"], (string?)button["title"], (string?)button["verb"], (string?)button["data"]![CardVerbs.IncidentKey]));
        Assert.Equal(["Add an action item", "Assign the review"], onClose["actions"]!.AsArray().Select(a => (string?)a!["title"])); // reviewed before the close: only the next steps
        Assert.Contains("Postmortem reviewed", onClose.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_war_room_there_is_nothing_to_post_into()
    {
        var result = await Runner.RunAsync(new X.PostToWarRoom(new E.Joined(new Person("sam", "Sam")) { At = At }) { Incident = Id }, TeamsKit.Declared(), default);

        Assert.Null(result);
        Assert.Empty(_kit.Connector.Requests);
    }

    private static JsonObject Card(string body) => JsonNode.Parse(body)!["activity"]!["attachments"]![0]!["content"]!.AsObject();

    private static Incident Evolve(Incident incident, params IncidentEvent[] events) => events.Aggregate(incident, IncidentEvolution.Evolve);
}
