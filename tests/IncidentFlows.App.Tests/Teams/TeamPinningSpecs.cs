using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>The stored team reference (where announcements and war rooms go) belongs to the incidents team, whoever else talks to the bot.</summary>
public sealed class TeamPinningSpecs
{
    private const string OurGroup = "00000000-0000-0000-0000-000000000031"; // the recorded installation's team
    private readonly MemoryDocuments _documents = new();

    [Fact]
    public async Task A_message_from_another_team_never_replaces_the_configured_team()
    {
        var recorder = Recorder(new TeamsOptions { IncidentsTeamGroupId = OurGroup });
        await recorder.RecordAsync(RecordedActivities.Load("installation-update"), default);

        await recorder.RecordAsync(FromOtherTeam("installation-update", "19:other@thread.tacv2", "99999999-0000-0000-0000-000000000099"), default);
        await recorder.RecordAsync(FromOtherTeam("channel-mention", "19:other@thread.tacv2", null), default);

        var team = await Book.TeamAsync(default);
        Assert.Equal(("team-id", OurGroup), (team!.ConversationId, team.TeamGroupId));
    }

    [Fact]
    public async Task A_message_in_the_configured_team_refreshes_its_reference_even_without_the_group_id()
    {
        var recorder = Recorder(new TeamsOptions { IncidentsTeamGroupId = OurGroup });
        await recorder.RecordAsync(RecordedActivities.Load("installation-update"), default);

        await recorder.RecordAsync(Edited("channel-mention", a => a["serviceUrl"] = "https://smba.trafficmanager.net/emea/"), default); // no aadGroupId in channel messages

        var team = await Book.TeamAsync(default);
        Assert.Equal(("https://smba.trafficmanager.net/emea/", OurGroup), (team!.ServiceUrl, team.TeamGroupId));
    }

    [Fact]
    public async Task An_installation_in_a_team_other_than_the_configured_one_is_not_remembered_as_the_team()
    {
        var recorder = Recorder(new TeamsOptions { IncidentsTeamGroupId = "0d0c0b0a-0000-4000-8000-00000000aaaa" });

        await recorder.RecordAsync(RecordedActivities.Load("installation-update"), default);

        Assert.Null(await Book.TeamAsync(default));
    }

    [Fact]
    public async Task With_only_an_incidents_channel_configured_the_team_of_that_channel_is_the_team()
    {
        var recorder = Recorder(new TeamsOptions { IncidentsChannelId = "19:incidents@thread.tacv2" });

        await recorder.RecordAsync(FromOtherTeam("channel-mention", "19:other@thread.tacv2", null), default);
        await recorder.RecordAsync(Edited("channel-mention", a => a["channelData"]!["channel"]!["id"] = "19:incidents@thread.tacv2"), default);

        Assert.Equal("team-id", (await Book.TeamAsync(default))!.ConversationId);
    }

    [Fact]
    public async Task With_nothing_configured_the_first_team_is_pinned()
    {
        var recorder = Recorder(new TeamsOptions());
        await recorder.RecordAsync(RecordedActivities.Load("installation-update"), default);

        await recorder.RecordAsync(FromOtherTeam("installation-update", "19:other@thread.tacv2", "99999999-0000-0000-0000-000000000099"), default);

        Assert.Equal("team-id", (await Book.TeamAsync(default))!.ConversationId);
    }

    private ConversationBook Book => new(_documents);

    private ConversationRecorder Recorder(TeamsOptions options) => new(Book, Options.Create(options));

    private static Activity FromOtherTeam(string recording, string teamId, string? groupId) => Edited(recording, a =>
    {
        var team = new JsonObject { ["id"] = teamId };
        if (groupId is not null)
        {
            team["aadGroupId"] = groupId;
        }

        a["channelData"]!["team"] = team;
        a["channelData"]!.AsObject().Remove("teamsTeamId");
        a["channelData"]!["channel"] = new JsonObject { ["id"] = teamId };
    });

    private static Activity Edited(string recording, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(RecordedActivities.Json(recording))!.AsObject();
        edit(json);
        return json.Deserialize<Activity>(BotJson.Options)!;
    }
}
