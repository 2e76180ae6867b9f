using System.Text.Json;
using System.Text.RegularExpressions;

namespace IncidentFlows.App.Tests.Infra;

/// <summary>infra/teams/manifest.json: the fields Teams requires, valid icons, and ids that match the deployment.</summary>
public class TeamsManifestSpecs
{
    private const string BotIdPlaceholder = "{{BOT_ID}}";

    /// <summary>The commands the bot's parser understands: the one list, App.Teams.Commands.BotCommands.</summary>
    private static readonly string[] BotCommands = [.. App.Teams.Commands.BotCommands.All.Select(c => c.Name)];

    private static readonly JsonElement Manifest = InfraFiles.Json("infra", "teams", "manifest.json");

    private static JsonElement Bot => Assert.Single(Manifest.GetProperty("bots").EnumerateArray());

    private static string Text(JsonElement e, params string[] path) =>
        path.Aggregate(e, (current, name) => current.GetProperty(name)).GetString() ?? "";

    [Fact]
    public void It_targets_the_current_schema_and_has_every_required_field()
    {
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", Text(Manifest, "$schema"));
        Assert.Equal("1.22", Text(Manifest, "manifestVersion"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", Text(Manifest, "version"));
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", Text(Manifest, "developer", url), StringComparison.Ordinal);
        }

        Assert.NotEmpty(Text(Manifest, "developer", "name"));
        Assert.InRange(Text(Manifest, "name", "short").Length, 1, 30);
        Assert.InRange(Text(Manifest, "name", "full").Length, 1, 100);
        Assert.InRange(Text(Manifest, "description", "short").Length, 1, 80);
        Assert.InRange(Text(Manifest, "description", "full").Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", Text(Manifest, "accentColor"));
    }

    [Fact]
    public void The_app_the_bot_and_resource_specific_consent_all_use_the_bot_id_the_package_script_fills_in()
    {
        var script = InfraFiles.Read("infra", "teams", "package.sh");

        Assert.Equal(BotIdPlaceholder, Text(Manifest, "id"));
        Assert.Equal(BotIdPlaceholder, Text(Bot, "botId"));
        Assert.Equal(BotIdPlaceholder, Text(Manifest, "webApplicationInfo", "id"));
        Assert.Contains("s/{{BOT_ID}}/$bot_id/g", script, StringComparison.Ordinal);
        Assert.Equal([BotIdPlaceholder], Regex.Matches(InfraFiles.Read("infra", "teams", "manifest.json"), "{{[A-Z_]+}}").Select(m => m.Value).Distinct());
    }

    [Fact]
    public void The_bot_id_is_the_identity_the_Bicep_gives_the_Azure_Bot_and_outputs_for_the_package_script()
    {
        var main = InfraFiles.Read("infra", "main.bicep");
        var bot = InfraFiles.Read("infra", "modules", "bot.bicep");
        var script = InfraFiles.Read("infra", "teams", "package.sh");

        Assert.Contains("msaAppType: 'UserAssignedMSI'", bot, StringComparison.Ordinal);
        Assert.Contains("msaAppId: identityClientId", bot, StringComparison.Ordinal);
        Assert.Contains("output appId string = identityClientId", bot, StringComparison.Ordinal);
        Assert.Contains("output botAppId string = bot.outputs.appId", main, StringComparison.Ordinal);
        Assert.Contains("properties.outputs.botAppId.value", script, StringComparison.Ordinal);
        Assert.Contains("botAppId", InfraFiles.Outputs(main));
        Assert.Contains("/api/messages", main, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bots_name_in_Teams_is_the_display_name_the_Bicep_gives_the_Azure_Bot()
    {
        var shortName = Text(Manifest, "name", "short");

        Assert.Contains($"param botDisplayName string = '{shortName}'", InfraFiles.Read("infra", "main.bicep"), StringComparison.Ordinal);
        Assert.Contains($"param botDisplayName = '{shortName}'", InfraFiles.Read("infra", "follow-the-sun.bicepparam"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_works_in_personal_chat_and_teams_and_offers_every_command_within_the_schemas_limits()
    {
        var lists = Bot.GetProperty("commandLists").EnumerateArray().ToList();
        var commands = lists.SelectMany(l => l.GetProperty("commands").EnumerateArray()).ToList();

        Assert.Equal(["personal", "team"], Bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["personal", "team"], lists.SelectMany(l => l.GetProperty("scopes").EnumerateArray().Select(s => s.GetString())).Order(StringComparer.Ordinal));
        Assert.All(lists, l => Assert.InRange(l.GetProperty("commands").GetArrayLength(), 1, 10)); // the schema allows 10 per list
        Assert.All(commands, c => Assert.InRange(Text(c, "title").Length, 1, 32));
        Assert.All(commands, c => Assert.InRange(Text(c, "description").Length, 1, 128));
        Assert.Equal(BotCommands.Order(StringComparer.Ordinal), commands.Select(c => Text(c, "title")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_activity_type_a_page_notifies_with_is_declared_with_its_template_parameter()
    {
        var type = Assert.Single(Manifest.GetProperty("activities").GetProperty("activityTypes").EnumerateArray());

        Assert.Equal(App.Teams.Graph.GraphActivityFeed.ActivityType, Text(type, "type"));
        Assert.Contains("{incident}", Text(type, "templateText"), StringComparison.Ordinal); // GraphActivityFeed sends that parameter
    }

    [Fact]
    public void Resource_specific_consent_asks_only_for_team_scoped_application_permissions()
    {
        var permissions = Manifest.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray().ToList();

        Assert.NotEmpty(permissions);
        Assert.All(permissions, p => Assert.Equal("Application", Text(p, "type")));
        Assert.All(permissions, p => Assert.EndsWith(".Group", Text(p, "name"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_bot_reads_war_room_messages_without_a_mention_through_resource_specific_consent()
    {
        var permissions = Manifest.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray();

        Assert.Contains("ChannelMessage.Read.Group", permissions.Select(p => Text(p, "name")));
    }

    [Fact]
    public void The_message_action_is_the_one_the_bot_answers_and_appears_on_messages()
    {
        var extension = Assert.Single(Manifest.GetProperty("composeExtensions").EnumerateArray());
        var command = Assert.Single(extension.GetProperty("commands").EnumerateArray());

        Assert.Equal(BotIdPlaceholder, Text(extension, "botId"));
        Assert.Equal((App.Teams.WarRooms.WarRoomCapture.AddToTimeline, "action", "Add to incident timeline"), (Text(command, "id"), Text(command, "type"), Text(command, "title")));
        Assert.Equal(["message"], command.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void The_icons_are_valid_PNGs_of_the_sizes_Teams_requires()
    {
        var color = PngImage.Read(Path.Combine(InfraFiles.Root, "infra", "teams", Text(Manifest, "icons", "color")));
        var outline = PngImage.Read(Path.Combine(InfraFiles.Root, "infra", "teams", Text(Manifest, "icons", "outline")));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(color.Pixels(), p => Assert.Equal(255, p.A)); // full colour, no transparency
        Assert.All(outline.Pixels(), p => Assert.True(p.A == 0 || (p is { R: 255, G: 255, B: 255 }), "outline pixels are white or transparent"));
        Assert.Contains(outline.Pixels(), p => p.A == 0);
        Assert.Contains(outline.Pixels(), p => p.A == 255);
    }
}
