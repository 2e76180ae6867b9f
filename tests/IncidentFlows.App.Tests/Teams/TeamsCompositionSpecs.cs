using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Graph;
using IncidentFlows.App.Teams.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using IncidentFlows.Testing.Teams;

namespace IncidentFlows.App.Tests.Teams;

public sealed class TeamsCompositionSpecs
{
    [Fact]
    public void Teams_outside_development_mode_without_a_credential_fails_at_start_with_what_to_set()
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TestTenant.AppId });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddIncidentFlowsTeams(configuration, options));

        Assert.Contains("IncidentFlows:Teams:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_mode_calls_the_playground_without_a_token()
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TestTenant.AppId, ["IncidentFlows:DevelopmentMode"] = "true" });

        using var services = new ServiceCollection().AddIncidentFlowsTeams(configuration, options).BuildServiceProvider();

        Assert.Null(services.GetRequiredService<BotCredential>().Credential);
    }

    [Fact]
    public void A_client_secret_gives_the_bot_its_app_credential()
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TestTenant.AppId, ["IncidentFlows:Teams:TenantId"] = "tenant-1", ["IncidentFlows:Teams:ClientSecret"] = "s3cret" });

        var collection = new ServiceCollection().AddIncidentFlowsTeams(configuration, options);
        using var services = collection.BuildServiceProvider();

        Assert.IsType<Azure.Identity.ClientSecretCredential>(services.GetRequiredService<BotCredential>().Credential);
        Assert.Contains(collection, d => d.ServiceType == typeof(IEffectRunner) && d.ImplementationType == typeof(TeamsEffectRunner));
    }

    [Fact]
    public void Development_mode_without_graph_uses_local_stand_ins_instead_of_waiting_on_a_network()
    {
        var (configuration, options) = Settings(new()
        {
            ["IncidentFlows:Teams:AppId"] = TestTenant.AppId,
            ["IncidentFlows:DevelopmentMode"] = "true",
            ["IncidentFlows:Teams:WarRoomChannelId"] = "team-id",
        });

        var collection = new ServiceCollection().AddLogging().AddIncidentFlowsTeams(configuration, options);
        using var services = collection.BuildServiceProvider();

        Assert.IsType<OfflineGraph>(services.GetRequiredService<IActivityFeed>());
        Assert.IsType<OfflineGraph>(services.GetRequiredService<IPeopleDirectory>());
        Assert.Contains(collection, d => d.ServiceType == typeof(IWarRooms) && d.ImplementationFactory is not null);
        Assert.DoesNotContain(collection, d => d.ImplementationType == typeof(GraphWarRooms));
    }

    [Fact]
    public void Outside_development_mode_a_war_room_channel_setting_is_ignored_and_graph_is_used()
    {
        var (configuration, options) = Settings(new()
        {
            ["IncidentFlows:Teams:AppId"] = TestTenant.AppId,
            ["IncidentFlows:Teams:ClientSecret"] = "s3cret",
            ["IncidentFlows:Teams:WarRoomChannelId"] = "team-id",
        });

        var collection = new ServiceCollection().AddIncidentFlowsTeams(configuration, options);

        Assert.Contains(collection, d => d.ServiceType == typeof(IWarRooms) && d.ImplementationType == typeof(GraphWarRooms));
        Assert.Contains(collection, d => d.ServiceType == typeof(IActivityFeed) && d.ImplementationType == typeof(GraphActivityFeed));
    }

    [Fact]
    public void Teams_outside_development_mode_without_an_allowed_tenant_fails_at_start_with_what_to_set()
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TestTenant.AppId, ["IncidentFlows:Teams:ClientSecret"] = "s3cret" });
        using var services = new ServiceCollection().AddLogging().AddIncidentFlowsTeams(configuration, options).BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("IncidentFlows:Teams:AllowedTenantIds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IncidentFlows:Teams:TenantId")]
    [InlineData("IncidentFlows:Teams:AllowedTenantIds")]
    public void A_tenant_in_either_setting_is_enough_to_start(string setting)
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TestTenant.AppId, ["IncidentFlows:Teams:ClientSecret"] = "s3cret", [setting] = "72f988bf-0000-4000-8000-000000000001" });
        using var services = new ServiceCollection().AddLogging().AddIncidentFlowsTeams(configuration, options).BuildServiceProvider();

        services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        Assert.Equal(["72f988bf-0000-4000-8000-000000000001"], services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value.TenantAllowList());
    }

    [Fact]
    public void The_bot_endpoint_admits_unsigned_activities_only_through_the_development_scheme_and_only_in_development_mode()
    {
        var (production, productionOptions) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TestTenant.AppId, ["IncidentFlows:Teams:ClientSecret"] = "s3cret", ["IncidentFlows:Teams:TenantId"] = "t" });
        var (development, developmentOptions) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TestTenant.AppId, ["IncidentFlows:DevelopmentMode"] = "true" });
        using var off = new ServiceCollection().AddLogging().AddIncidentFlowsTeams(production, productionOptions).BuildServiceProvider();
        using var on = new ServiceCollection().AddLogging().AddIncidentFlowsTeams(development, developmentOptions).BuildServiceProvider();

        Assert.Equal([App.Teams.Inbound.BotAuthentication.Scheme], PolicySchemes(off));
        Assert.Equal([App.Teams.Inbound.BotAuthentication.Scheme, App.Teams.Inbound.BotAuthentication.DevelopmentScheme], PolicySchemes(on));
    }

    [Fact]
    public void Without_an_app_id_teams_is_off() =>
        Assert.False(Settings([]).Options.Teams.IsConfigured);

    private static IReadOnlyList<string> PolicySchemes(ServiceProvider services) =>
        [.. services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>>().Value
            .GetPolicy(App.Teams.Inbound.BotAuthentication.Policy)!.AuthenticationSchemes];

    private static (IConfiguration Configuration, IncidentFlowsOptions Options) Settings(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return (configuration, configuration.GetSection(IncidentFlowsOptions.Section).Get<IncidentFlowsOptions>() ?? new IncidentFlowsOptions());
    }
}
