using IncidentFlows.App.Hosting;
using Microsoft.Extensions.Configuration;

namespace IncidentFlows.App.Tests.Hosting;

/// <summary>Development mode turns authentication off, so it runs only in Development and only on loopback.</summary>
public class DevelopmentModeGuardSpecs
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void It_runs_in_development_on_loopback(string url) =>
        Assert.Null(DevelopmentModeGuard.Refusal(developmentMode: true, "Development", [url]));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://incidents.contoso.com:80")]
    public void It_refuses_to_start_on_any_other_address_and_names_it(string url) =>
        Assert.Contains(url, DevelopmentModeGuard.Refusal(developmentMode: true, "Development", ["http://127.0.0.1:1", url]), StringComparison.Ordinal);

    [Fact]
    public void It_refuses_to_start_outside_the_development_environment() =>
        Assert.Contains("the environment is 'Production'", DevelopmentModeGuard.Refusal(developmentMode: true, "Production", ["http://127.0.0.1:5080"]), StringComparison.Ordinal);

    [Fact]
    public void Without_development_mode_any_address_and_environment_is_fine() =>
        Assert.Null(DevelopmentModeGuard.Refusal(developmentMode: false, "Production", ["http://0.0.0.0:80"]));

    [Fact]
    public void The_listen_addresses_come_from_urls_ports_and_kestrel_endpoints_and_default_to_localhost()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:1;http://localhost:2",
            ["http_ports"] = "8080",
            ["Kestrel:Endpoints:Public:Url"] = "https://0.0.0.0:443",
        }).Build();

        Assert.Equal(["http://127.0.0.1:1", "http://localhost:2", "http://*:8080", "https://0.0.0.0:443"], DevelopmentModeGuard.ListenUrls(configured));
        Assert.Equal(["http://localhost:5000"], DevelopmentModeGuard.ListenUrls(new ConfigurationBuilder().Build()));
    }
}
