using IncidentFlows.App.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Tests.Security;

/// <summary>API keys from apikeys.json and from settings are merged by name, never by position.</summary>
public class ApiKeysByNameSpecs
{
    [Fact]
    public void The_first_key_of_two_sources_stays_two_keys()
    {
        var keys = Read(
            new Dictionary<string, string?> { ["IncidentFlows:ApiKeys:Keys:0:Name"] = "alerts", ["IncidentFlows:ApiKeys:Keys:0:Team"] = "platform", ["IncidentFlows:ApiKeys:Keys:0:Sha256"] = "aa" },
            new Dictionary<string, string?> { ["IncidentFlows:ApiKeys:Keys:0:Name"] = "chatops", ["IncidentFlows:ApiKeys:Keys:0:Team"] = "platform", ["IncidentFlows:ApiKeys:Keys:0:Sha256"] = "bb" });

        Assert.Equal(["alerts:aa", "chatops:bb"], keys.Select(k => $"{k.Name}:{k.Sha256}").Order());
    }

    [Fact]
    public void A_later_source_replaces_the_key_of_the_same_name_wherever_it_stands()
    {
        var keys = Read(
            new Dictionary<string, string?> { ["IncidentFlows:ApiKeys:Keys:0:Name"] = "alerts", ["IncidentFlows:ApiKeys:Keys:0:Team"] = "platform", ["IncidentFlows:ApiKeys:Keys:0:Sha256"] = "old", ["IncidentFlows:ApiKeys:Keys:0:Scopes:0"] = "read" },
            new Dictionary<string, string?> { ["IncidentFlows:ApiKeys:Keys:3:Name"] = "alerts", ["IncidentFlows:ApiKeys:Keys:3:Team"] = "platform", ["IncidentFlows:ApiKeys:Keys:3:Sha256"] = "new" });

        var alerts = Assert.Single(keys);
        Assert.Equal("new", alerts.Sha256);
        Assert.Equal(AccessRole.Respond, alerts.Role); // the replacing entry's scopes (none), not the old one's
    }

    [Fact]
    public void Keys_may_be_an_object_keyed_by_name()
    {
        var keys = Read(new Dictionary<string, string?> { ["IncidentFlows:ApiKeys:Keys:grafana:Team"] = "platform", ["IncidentFlows:ApiKeys:Keys:grafana:Sha256"] = "cc", ["IncidentFlows:ApiKeys:Keys:grafana:Scopes:0"] = "read" });

        var grafana = Assert.Single(keys);
        Assert.Equal(("grafana", AccessRole.Read), (grafana.Name, grafana.Role));
    }

    private static IList<ApiKeyEntry> Read(params Dictionary<string, string?>[] sources)
    {
        var builder = new ConfigurationBuilder();
        foreach (var source in sources)
        {
            builder.AddInMemoryCollection(source);
        }

        var configuration = builder.Build();
        var services = new ServiceCollection().AddLogging();
        services.AddIncidentFlowsSecurity(configuration, new IncidentFlows.App.Hosting.IncidentFlowsOptions());
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<ApiKeyOptions>>().CurrentValue.Keys;
    }
}
