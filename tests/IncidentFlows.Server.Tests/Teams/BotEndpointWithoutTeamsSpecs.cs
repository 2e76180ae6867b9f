using System.Net;
using System.Net.Http.Json;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Teams;

[Collection(SharedAzurite.Name)]
public sealed class BotEndpointWithoutTeamsSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task Without_teams_configured_the_bot_endpoint_says_so()
    {
        using var host = new ServerHost(azurite.Server);

        using var response = await host.Api.PostAsJsonAsync("/api/messages", new { type = "message", text = "declare sev1 x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("teams.not_configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
