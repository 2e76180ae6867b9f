using System.Text;
using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>A malformed activity is a 4xx that names what is wrong, never an exception.</summary>
public sealed class ActivityReaderSpecs
{
    [Theory]
    [InlineData("""{"type":"message","from":"alex"}""", "from")]
    [InlineData("""{"type":"message","conversation":{"id":5}}""", "conversation.id")]
    [InlineData("""{"type":["message"]}""", "type")]
    [InlineData("""{"type":"message","entities":["x"]}""", "entities[0]")]
    public async Task A_field_of_the_wrong_json_type_is_a_400_naming_it(string body, string field) =>
        await AssertInvalidAsync(body, field);

    [Fact]
    public async Task Not_json_at_all_is_a_400_about_the_activity() =>
        await AssertInvalidAsync("declare sev1", "activity");

    [Fact]
    public async Task An_empty_body_is_a_400() =>
        await AssertInvalidAsync("", "activity");

    [Fact]
    public async Task A_missing_type_is_a_400_naming_it() =>
        await AssertInvalidAsync(Activity(a => a.Remove("type")), "type");

    [Theory]
    [InlineData("serviceUrl", null)]
    [InlineData("serviceUrl", "javascript:alert(1)")]
    [InlineData("conversation", null)]
    public async Task What_the_bot_needs_to_answer_is_required(string field, string? value) =>
        await AssertInvalidAsync(Activity(a => a[field] = value), field == "conversation" ? "conversation.id" : field);

    [Fact]
    public async Task A_huge_text_is_a_400_naming_the_text() =>
        await AssertInvalidAsync(Activity(a => a["text"] = new string('x', ActivityValidation.MaxTextLength + 1)), "text");

    [Fact]
    public async Task An_oversized_id_is_a_400_naming_it() =>
        await AssertInvalidAsync(Activity(a => a["from"]!["id"] = new string('x', ActivityValidation.MaxFieldLength + 1)), "from.id");

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_without_being_read_to_the_end()
    {
        var (activity, problem) = await ReadAsync(Activity(a => a["text"] = new string('x', ActivityReader.MaxBodyBytes)));

        Assert.Null(activity);
        Assert.Equal(413, (await ExecuteAsync(problem!)).Status);
    }

    [Theory]
    [InlineData("\"acknowledge\"", "value")]
    [InlineData("[1,2]", "value")]
    [InlineData("""{"action":"acknowledge"}""", "value.action")]
    [InlineData("""{"action":{"verb":7}}""", "value.action.verb")]
    [InlineData("""{"action":{"verb":"acknowledge","data":"INC-1"}}""", "value.action.data")]
    public async Task A_card_action_whose_value_is_not_the_cards_shape_is_a_400_naming_the_field(string value, string field) =>
        await AssertInvalidAsync(Activity(a =>
        {
            a["type"] = "invoke";
            a["name"] = "adaptiveCard/action";
            a["value"] = JsonNode.Parse(value);
        }), field);

    [Fact]
    public async Task A_card_submit_with_a_verb_that_is_not_text_is_a_400() =>
        await AssertInvalidAsync(Activity(a => a["value"] = new JsonObject { ["verb"] = new JsonArray() }), "value.verb");

    [Fact]
    public async Task The_recorded_activities_are_read_as_they_are()
    {
        foreach (var name in new[] { "personal-message", "channel-mention", "card-submit", "execute-invoke", "installation-update" })
        {
            var (activity, problem) = await ReadAsync(RecordedActivities.Json(name));

            Assert.True(activity is not null, $"{name}: {(problem is null ? "" : (await ExecuteAsync(problem)).Body)}");
        }
    }

    private static string Activity(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(RecordedActivities.Json("personal-message"))!.AsObject();
        edit(json);
        return json.ToJsonString();
    }

    private static async Task AssertInvalidAsync(string body, string field)
    {
        var (activity, problem) = await ReadAsync(body);

        Assert.Null(activity);
        var (status, text) = await ExecuteAsync(problem!);
        Assert.Equal(400, status);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected {field}: {text}");
    }

    private static Task<(App.Teams.Protocol.Activity? Activity, IResult? Problem)> ReadAsync(string body)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return ActivityReader.ReadAsync(http.Request);
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(IResult result)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }
}
