using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Testing.Teams;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>
/// Inbound Bot Connector tokens through the bot's authentication scheme and admission, against our own
/// issuer on loopback (RSA key, OpenID metadata, JWKS).
/// </summary>
public sealed class BotTokenSpecs : IAsyncLifetime, IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private FakeBotFrameworkIssuer _issuer = null!;
    private BotDoor _door = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync();
        _door = new BotDoor(_issuer.MetadataUrl, TestTenant.AppId);
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    public void Dispose() => _door?.Dispose();

    [Fact]
    public async Task A_token_from_the_bot_framework_for_our_app_is_accepted()
    {
        var verdict = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), BotDoor.Activity(ServiceUrl));

        Assert.True(verdict.IsValid, verdict.Reason);
    }

    [Fact]
    public async Task The_service_url_may_differ_only_by_a_trailing_slash_or_case()
    {
        var verdict = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), BotDoor.Activity("https://SMBA.trafficmanager.net/emea"));

        Assert.True(verdict.IsValid, verdict.Reason);
    }

    [Fact]
    public async Task A_wrong_issuer_is_rejected() =>
        await AssertRejectedAsync(_issuer.Token(TestTenant.AppId, ServiceUrl, issuer: "https://sts.windows.net/evil/"), "Issuer");

    [Fact]
    public async Task A_token_for_another_app_is_rejected() =>
        await AssertRejectedAsync(_issuer.Token("99999999-0000-0000-0000-000000000000", ServiceUrl), "Audience");

    [Fact]
    public async Task An_expired_token_is_rejected() =>
        await AssertRejectedAsync(_issuer.Token(TestTenant.AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)), "Expired");

    [Fact]
    public async Task An_unsigned_token_is_rejected() =>
        await AssertRejectedAsync(FakeBotFrameworkIssuer.UnsignedToken(TestTenant.AppId, ServiceUrl), "Signature");

    [Fact]
    public async Task A_token_signed_by_a_foreign_key_under_the_published_key_id_is_rejected() =>
        await AssertRejectedAsync(_issuer.Token(TestTenant.AppId, ServiceUrl, foreignKey: true), "Signature");

    [Fact]
    public async Task A_token_for_another_service_url_is_rejected() =>
        await AssertRejectedAsync(_issuer.Token(TestTenant.AppId, "https://attacker.example/"), "serviceUrl");

    [Fact]
    public async Task A_key_endorsed_for_teams_signs_teams_activities_only()
    {
        var token = "Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl);

        var teams = await _door.CheckAsync(token, BotDoor.Activity(ServiceUrl, channelId: "msteams"));
        var webchat = await _door.CheckAsync(token, BotDoor.Activity(ServiceUrl, channelId: "webchat"));

        Assert.True(teams.IsValid, teams.Reason);
        Assert.Equal(401, webchat.Status);
        Assert.Contains("endorsed", webchat.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task No_bearer_token_is_rejected(string? header)
    {
        var verdict = await _door.CheckAsync(header, BotDoor.Activity(ServiceUrl));

        Assert.Equal(401, verdict.Status);
    }

    [Fact]
    public async Task Unreachable_metadata_refuses_every_token_with_a_401_and_an_error_in_the_log()
    {
        _issuer.Down = true;

        var valid = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), BotDoor.Activity(ServiceUrl));
        var forged = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl, foreignKey: true), BotDoor.Activity(ServiceUrl));

        Assert.Equal((401, 401), (valid.Status, forged.Status));
        Assert.Contains(_door.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains(_issuer.MetadataUrl.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_fetched_the_keys_are_cached_so_an_outage_of_the_metadata_still_admits_valid_tokens_and_refuses_forged_ones()
    {
        Assert.True((await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), BotDoor.Activity(ServiceUrl))).IsValid);
        _issuer.Down = true;

        var unknownKey = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl, foreignKey: true, keyId: "rotated-key"), BotDoor.Activity(ServiceUrl)); // an unknown key id asks for a refresh, which fails
        var valid = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), BotDoor.Activity(ServiceUrl));
        var forged = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl, foreignKey: true), BotDoor.Activity(ServiceUrl));
        var expired = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)), BotDoor.Activity(ServiceUrl));

        Assert.True(valid.IsValid, valid.Reason);
        Assert.Equal((401, 401, 401), (unknownKey.Status, forged.Status, expired.Status));
    }

    [Fact]
    public async Task The_metadata_is_fetched_once_for_many_activities()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), BotDoor.Activity(ServiceUrl))).IsValid);
        }

        Assert.Equal(1, _issuer.MetadataFetches);
    }

    [Fact]
    public async Task An_activity_from_a_tenant_that_is_not_allowed_is_forbidden_even_with_a_valid_token()
    {
        var verdict = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), BotDoor.Activity(ServiceUrl, tenant: "11111111-9999-4000-8000-000000000000"));

        Assert.Equal(403, verdict.Status);
        Assert.Contains("tenant", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_url_outside_the_bot_framework_hosts_is_forbidden_even_when_the_token_names_it()
    {
        const string elsewhere = "https://connector.attacker.example/teams/";

        var verdict = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, elsewhere), BotDoor.Activity(elsewhere));

        Assert.Equal(403, verdict.Status);
        Assert.Contains("AllowedServiceUrls", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_look_alike_host_is_not_on_the_allow_list()
    {
        const string lookAlike = "https://smba.trafficmanager.net.attacker.example/teams/";

        var verdict = await _door.CheckAsync("Bearer " + _issuer.Token(TestTenant.AppId, lookAlike), BotDoor.Activity(lookAlike));

        Assert.Equal(403, verdict.Status);
    }

    private async Task AssertRejectedAsync(string token, string why)
    {
        var verdict = await _door.CheckAsync("Bearer " + token, BotDoor.Activity(ServiceUrl));

        Assert.Equal(401, verdict.Status);
        Assert.Contains(why, verdict.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
