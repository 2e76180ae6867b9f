using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>
/// A calendar app subscribes to a secret link without any credential; the link works until it is revoked,
/// and nothing else opens a calendar without a credential.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class CalendarLinkFeedSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_secret_link_opens_the_persons_calendar_without_a_credential_until_it_is_revoked()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        using var calendarApp = host.CreateClient(); // no Authorization header, as Outlook or Google Calendar

        using var created = await host.Api.PostAsJsonAsync(new Uri("/api/oncall/calendar-links", UriKind.Relative), new { person = "oliver" });
        var link = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var url = new Uri((string)link["url"]!);
        using var feed = await calendarApp.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        var ics = await feed.Content.ReadAsStringAsync();
        using var revoked = await host.Api.DeleteAsync(new Uri("/api/oncall/calendar-links/oliver", UriKind.Relative));
        using var after = await calendarApp.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Equal(1, (int)JsonNode.Parse(await revoked.Content.ReadAsStringAsync())!["revoked"]!);
        await ApiOnTheEngine.AssertProblemAsync(after, HttpStatusCode.NotFound, "calendar.not_found");
    }

    [Theory]
    [InlineData("ifc_never-issued")]
    [InlineData(ServerHost.Key)] // an API key is not a calendar link
    public async Task Any_other_token_is_a_404_and_the_api_feed_still_needs_a_credential(string token)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        using var anonymous = host.CreateClient();

        using var feed = await anonymous.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative));
        using var api = await anonymous.GetAsync(new Uri("/api/oncall/calendar.ics?person=oliver", UriKind.Relative));

        await ApiOnTheEngine.AssertProblemAsync(feed, HttpStatusCode.NotFound, "calendar.not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
