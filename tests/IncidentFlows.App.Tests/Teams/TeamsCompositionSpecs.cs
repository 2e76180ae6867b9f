using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Tests.Teams;

public sealed class TeamsCompositionSpecs
{
    [Fact]
    public void Teams_outside_development_mode_without_a_credential_fails_at_start_with_what_to_set()
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TeamsKit.AppId });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddIncidentFlowsTeams(configuration, options));

        Assert.Contains("IncidentFlows:Teams:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_mode_calls_the_playground_without_a_token()
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TeamsKit.AppId, ["IncidentFlows:DevelopmentMode"] = "true" });

        using var services = new ServiceCollection().AddIncidentFlowsTeams(configuration, options).BuildServiceProvider();

        Assert.Null(services.GetRequiredService<BotCredential>().Credential);
    }

    [Fact]
    public void A_client_secret_gives_the_bot_its_app_credential()
    {
        var (configuration, options) = Settings(new() { ["IncidentFlows:Teams:AppId"] = TeamsKit.AppId, ["IncidentFlows:Teams:TenantId"] = "tenant-1", ["IncidentFlows:Teams:ClientSecret"] = "s3cret" });

        var collection = new ServiceCollection().AddIncidentFlowsTeams(configuration, options);
        using var services = collection.BuildServiceProvider();

        Assert.IsType<Azure.Identity.ClientSecretCredential>(services.GetRequiredService<BotCredential>().Credential);
        Assert.Contains(collection, d => d.ServiceType == typeof(IEffectRunner) && d.ImplementationType == typeof(TeamsEffectRunner));
    }

    [Fact]
    public void Without_an_app_id_teams_is_off() =>
        Assert.False(Settings([]).Options.Teams.IsConfigured);

    private static (IConfiguration Configuration, IncidentFlowsOptions Options) Settings(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return (configuration, configuration.GetSection(IncidentFlowsOptions.Section).Get<IncidentFlowsOptions>() ?? new IncidentFlowsOptions());
    }
}
