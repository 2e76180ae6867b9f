using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class AzuriteServerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Without_node_modules_the_fixture_fails_and_says_to_run_npm_ci()
    {
        var empty = Directory.CreateTempSubdirectory("no-node-modules-");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteServer.StartAsync(new AzuriteOptions(RepositoryRoot: empty)));

            Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_shared_server_listens_on_the_free_loopback_port_it_picked()
    {
        Assert.True(azurite.Server.IsRunning);
        Assert.NotEqual(10002, azurite.Server.Port);
        Assert.Equal($"http://127.0.0.1:{azurite.Server.Port}/devstoreaccount1", azurite.Server.TableEndpoint.ToString().TrimEnd('/'));
    }

    [Theory]
    [InlineData("blob", "Azurite-Blob")]
    [InlineData("queue", "Azurite-Queue")]
    [InlineData("table", "Azurite-Table")]
    public async Task The_shared_server_serves_blob_queue_and_table_as_the_connection_string_says(string service, string product)
    {
        var endpoint = azurite.Server.ConnectionString.Split(';')
            .Single(part => part.StartsWith(service + "Endpoint=", StringComparison.OrdinalIgnoreCase))
            .Split('=', 2)[1];
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(endpoint));

        Assert.Contains(response.Headers.Server, s => s.Product?.Name == product);
    }
}
