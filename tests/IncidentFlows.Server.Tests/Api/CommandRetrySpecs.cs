using System.Net;
using System.Net.Http.Json;
using System.Text;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>
/// What a client that retries, sends a body where none is wanted, or filters by a status we do not know gets back.
/// On the engine commands are taken in order, so once a later marker is on the timeline an earlier command has been too.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class CommandRetrySpecs(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("""{ "by": """, "application/json", false, HttpStatusCode.BadRequest)]
    [InlineData("[1, 2]", "application/json", false, HttpStatusCode.BadRequest)]
    [InlineData("""{ "by": 7 }""", "application/json", true, HttpStatusCode.BadRequest)]
    [InlineData("""{ "by": """, null, true, HttpStatusCode.UnsupportedMediaType)]
    public async Task A_body_on_a_command_that_takes_none_must_be_json_and_a_malformed_one_acknowledges_nothing(string body, string? mediaType, bool chunked, HttpStatusCode status)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");
        HttpContent content = chunked ? new ChunkedContent(body, mediaType) : new StringContent(body, Encoding.UTF8, mediaType ?? "text/plain");

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/incidents/{id}/acknowledge", content);

        await ApiOnTheEngine.AssertProblemAsync(response, status, status == HttpStatusCode.BadRequest ? "input.invalid" : "input.media_type");
        await NoteAndWaitAsync(host, id, "marker");
        Assert.Null((await host.GetAsync($"/api/incidents/{id}"))["acknowledgedBy"]);
    }

    [Theory]
    [InlineData("application/json", false)]
    [InlineData(null, true)]
    public async Task A_command_that_takes_no_body_runs_with_an_empty_one_whatever_its_content_type(string? mediaType, bool chunked)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");
        HttpContent content = chunked ? new ChunkedContent("", mediaType) : new StringContent("", Encoding.UTF8, mediaType!);

        using var response = await host.SendAsync(HttpMethod.Post, $"/api/incidents/{id}/acknowledge", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.EventuallyAsync(id, i => i["acknowledgedBy"] is not null, "acknowledged", ApiOnTheEngine.Patience);
    }

    [Fact]
    public async Task A_retried_acknowledge_of_an_acknowledged_incident_is_a_200_that_records_nothing()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");
        await host.PostAsync($"/api/incidents/{id}/acknowledge");
        await host.EventuallyAsync(id, i => i["acknowledgedBy"] is not null, "acknowledged", ApiOnTheEngine.Patience);

        var again = await host.PostAsync($"/api/incidents/{id}/acknowledge");

        Assert.NotNull(again["acknowledgedBy"]);
        await NoteAndWaitAsync(host, id, "marker");
        Assert.Single(await host.TimelineKindsAsync(id), k => k == "acknowledged");
    }

    [Fact]
    public async Task A_retried_close_of_a_closed_incident_is_a_200_that_records_nothing()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        var id = await host.DeclareStoredAsync("checkout down");
        await host.PostAsync($"/api/incidents/{id}/resolve");
        await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "resolved", "resolved", ApiOnTheEngine.Patience); // commands are checked against the stored state
        await host.PostAsync($"/api/incidents/{id}/close");
        var closed = await host.EventuallyAsync(id, i => i["status"]!.GetValue<string>() == "closed", "closed", ApiOnTheEngine.Patience);

        var again = await host.PostAsync($"/api/incidents/{id}/close");

        Assert.Equal("closed", again["status"]!.GetValue<string>());
        Assert.Equal(closed["version"]!.GetValue<int>(), again["version"]!.GetValue<int>()); // decided nothing
    }

    [Theory]
    [InlineData("frozen")]
    [InlineData("")]
    [InlineData("open;drop")]
    public async Task Listing_by_a_status_we_do_not_know_is_a_400_naming_status_not_an_empty_list(string status)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        await host.DeclareStoredAsync("checkout down");

        using var response = await host.SendAsync(HttpMethod.Get, $"/api/incidents?status={Uri.EscapeDataString(status)}");

        var problem = await ApiOnTheEngine.AssertProblemAsync(response, HttpStatusCode.BadRequest, "input.invalid");
        Assert.NotNull(problem["errors"]!["status"]);
    }

    private static async Task NoteAndWaitAsync(ServerHost host, string id, string text)
    {
        await host.PostAsync($"/api/incidents/{id}/notes", new { text });
        await Poll.UntilAsync(async () => (await host.TimelineTextsAsync(id)).Contains(text) ? text : null, () => $"the note '{text}' on the timeline", ApiOnTheEngine.Patience);
    }
}
