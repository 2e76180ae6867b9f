using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Testing.Teams;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>Inbound Bot Connector tokens against our own issuer on loopback (RSA key, OpenID metadata, JWKS).</summary>
public sealed class BotTokenValidatorSpecs : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private FakeBotFrameworkIssuer _issuer = null!;
    private BotTokenValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync();
        _validator = new BotTokenValidator(_issuer.MetadataUrl, FakeBotFrameworkIssuer.Issuer, TestTenant.AppId);
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task A_token_from_the_bot_framework_for_our_app_is_accepted()
    {
        var verdict = await _validator.ValidateAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), ServiceUrl, default);

        Assert.True(verdict.IsValid, verdict.Reason);
    }

    [Fact]
    public async Task The_service_url_may_differ_only_by_a_trailing_slash_or_case()
    {
        var verdict = await _validator.ValidateAsync("Bearer " + _issuer.Token(TestTenant.AppId, ServiceUrl), "https://SMBA.trafficmanager.net/emea", default);

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

        var teams = await _validator.ValidateAsync(token, ServiceUrl, default, activityChannelId: "msteams");
        var webchat = await _validator.ValidateAsync(token, ServiceUrl, default, activityChannelId: "webchat");

        Assert.True(teams.IsValid, teams.Reason);
        Assert.False(webchat.IsValid);
        Assert.Contains("endorsed", webchat.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task No_bearer_token_is_rejected(string? header)
    {
        var verdict = await _validator.ValidateAsync(header, ServiceUrl, default);

        Assert.False(verdict.IsValid);
    }

    private async Task AssertRejectedAsync(string token, string why)
    {
        var verdict = await _validator.ValidateAsync("Bearer " + token, ServiceUrl, default);

        Assert.False(verdict.IsValid);
        Assert.Contains(why, verdict.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
