using System.Net;
using System.Text.Json.Nodes;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>
/// What the running server's /api/messages refuses, and how: a token that does not prove the Bot
/// Connector is a 401, an activity from elsewhere a 403, a malformed one a 400 naming the field —
/// never a 500, and in every case nothing stored and nothing sent.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class BotInboundSpecs(AzuriteFixture azurite) : IAsyncLifetime
{
    private TeamsServer _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsServer.StartAsync(azurite.Server);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task A_forged_token_is_a_401_with_a_problem_body()
    {
        var activity = _teams.Recorded("personal-message");

        using var response = await _teams.SendAsync(activity, _teams.Issuer.Token(TestTenant.AppId, (string)activity["serviceUrl"]!, foreignKey: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task An_expired_token_is_a_401()
    {
        var activity = _teams.Recorded("personal-message");

        using var response = await _teams.SendAsync(activity, _teams.Issuer.Token(TestTenant.AppId, (string)activity["serviceUrl"]!, expires: DateTime.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task When_the_bot_framework_metadata_cannot_be_fetched_a_valid_looking_token_is_a_401_not_a_500()
    {
        _teams.Issuer.Down = true;

        using var response = await _teams.SendAsync(_teams.Recorded("personal-message"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task An_activity_from_a_tenant_that_is_not_allowed_is_a_403()
    {
        using var response = await _teams.SendAsync(_teams.Recorded("personal-message", a => a["channelData"]!["tenant"]!["id"] = "99999999-0000-4000-8000-000000000000"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("bot.tenant_not_allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task An_activity_whose_service_url_is_not_a_trusted_connector_is_a_403_and_the_bots_token_goes_nowhere()
    {
        using var response = await _teams.SendAsync(_teams.Recorded("personal-message", a => a["serviceUrl"] = "https://connector.attacker.example/teams/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("bot.service_url_not_allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("\"acknowledge\"", "value")]
    [InlineData("[\"acknowledge\"]", "value")]
    [InlineData("""{"action":{"verb":{"x":1}}}""", "value.action.verb")]
    public async Task A_card_action_whose_value_is_not_an_object_is_a_400_naming_the_field(string value, string field)
    {
        using var response = await _teams.SendAsync(_teams.Recorded("execute-invoke", a => a["value"] = JsonNode.Parse(value)));

        await AssertBadRequestAsync(response, field);
    }

    [Fact]
    public async Task A_field_of_the_wrong_json_type_is_a_400_naming_it()
    {
        using var response = await _teams.SendAsync(_teams.Recorded("personal-message", a => a["from"] = "Alex"));

        await AssertBadRequestAsync(response, "from");
    }

    [Fact]
    public async Task An_activity_without_a_type_is_a_400_naming_it()
    {
        using var response = await _teams.SendAsync(_teams.Recorded("personal-message", a => a.Remove("type")));

        await AssertBadRequestAsync(response, "type");
    }

    [Fact]
    public async Task A_huge_text_is_a_400_naming_the_text()
    {
        using var response = await _teams.SendAsync(_teams.Recorded("personal-message", a => a["text"] = "declare sev1 " + new string('x', 100_000)));

        await AssertBadRequestAsync(response, "text");
    }

    private async Task AssertBadRequestAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.True(JsonNode.Parse(body)!["errors"]!.AsObject().ContainsKey(field), body);
        await AssertNothingHappenedAsync();
    }

    private async Task AssertNothingHappenedAsync()
    {
        Assert.Empty((await _teams.Host.GetAsync("/api/incidents"))["items"]!.AsArray());
        Assert.Empty(_teams.Connector.Requests);
    }
}
