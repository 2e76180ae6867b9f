using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Commands;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>What the bot reads out of activities the Agents Playground really sent.</summary>
public sealed class RecordedActivitySpecs
{
    [Fact]
    public void A_personal_chat_message_is_a_declare()
    {
        var activity = RecordedActivities.Load("personal-message");

        Assert.True(activity.IsPersonal());
        Assert.Equal(new BotRequest.Declare(Severity.Sev2, "checkout failing", IncidentKind.Real), CommandParser.Parse(Mentions.StripBot(activity)));
    }

    [Fact]
    public void A_channel_message_loses_the_bot_mention_and_names_its_incident()
    {
        var activity = RecordedActivities.Load("channel-mention");

        Assert.Equal("INC-42 ack", Mentions.StripBot(activity));
        Assert.Equal(new BotRequest.ForIncident(new IncidentId("INC-42"), new IncidentIntent.Acknowledge()), CommandParser.Parse(Mentions.StripBot(activity)));
        Assert.Equal("team-id", activity.TeamId());
        Assert.Equal("team-id", activity.TeamsChannelId());
        Assert.Equal("team-id", ConversationRecorder.BaseConversationId(activity.Conversation!.Id));
    }

    [Fact]
    public void Other_peoples_mentions_stay_so_a_role_can_name_them()
    {
        var json = JsonNode.Parse(RecordedActivities.Json("channel-mention"))!;
        json["text"] = "<at>Test Bot</at> lead <at>Megan Bowen</at>";
        json["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = "user-id-1", ["name"] = "Megan Bowen" }, ["text"] = "<at>Megan Bowen</at>" });
        var activity = json.Deserialize<Activity>(BotJson.Options)!;

        Assert.Equal(new BotRequest.ForIncident(null, new IncidentIntent.AssignRole(IncidentRole.Lead, "<at>Megan Bowen</at>")), CommandParser.Parse(Mentions.StripBot(activity)));
        Assert.Contains(new Mention("user-id-1", "Megan Bowen", "<at>Megan Bowen</at>"), Mentions.Of(activity));
    }

    [Fact]
    public void A_card_submit_carries_its_inputs_in_value()
    {
        var activity = RecordedActivities.Load("card-submit");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("declare", (string?)activity.Value!["verb"]);
        Assert.Equal("Search is slow", (string?)activity.Value!["title"]);
    }

    [Fact]
    public void An_execute_invoke_carries_the_verb_and_data()
    {
        var activity = RecordedActivities.Load("execute-invoke");

        Assert.Equal((ActivityTypes.Invoke, "adaptiveCard/action"), (activity.Type, activity.Name));
        Assert.Equal("acknowledge", (string?)activity.Value!["action"]!["verb"]);
        Assert.Equal("INC-42", (string?)activity.Value!["action"]!["data"]!["incident"]);
    }

    [Fact]
    public async Task An_installation_in_a_team_remembers_the_team_and_its_channel()
    {
        var documents = new MemoryDocuments();
        var book = new ConversationBook(documents);

        await new ConversationRecorder(book, Microsoft.Extensions.Options.Options.Create(new TeamsOptions())).RecordAsync(RecordedActivities.Load("installation-update"), default);

        var team = await book.TeamAsync(default);
        Assert.Equal(new ConversationReference("http://localhost:38069/_connector", "team-id", "00000000-0000-0000-0000-0000000000001", "00000000-0000-0000-0000-00000000000011", TeamGroupId: "00000000-0000-0000-0000-000000000031"), team);
        Assert.NotNull(await book.ChannelAsync("team-id", default));
    }

    [Fact]
    public async Task A_personal_message_remembers_the_users_chat_under_their_entra_id()
    {
        var book = new ConversationBook(new MemoryDocuments());

        await new ConversationRecorder(book, Microsoft.Extensions.Options.Options.Create(new TeamsOptions())).RecordAsync(RecordedActivities.Load("personal-message"), default);

        var user = await book.UserAsync("00000000-0000-0000-0000-0000000000020", default);
        Assert.Equal("fb6747c5-9876-48cd-a94a-7de7f54c8280", user!.ConversationId);
        Assert.Equal("user-id-0", user.UserId);
    }

    [Fact]
    public void Outgoing_activities_never_carry_a_null()
    {
        var json = JsonSerializer.Serialize(Activity.Message("hello") with { Conversation = new ConversationAccount("c-1") }, BotJson.Options);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Equal("""{"type":"message","conversation":{"id":"c-1"},"text":"hello","textFormat":"markdown"}""", json);
    }
}
