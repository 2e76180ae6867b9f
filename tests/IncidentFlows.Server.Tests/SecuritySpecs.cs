using System.Net;
using System.Net.Http.Headers;
using IncidentFlows.App.Security;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests;

[Collection(SharedAzurite.Name)]
public sealed class SecuritySpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_and_the_openapi_document_are_public_and_the_document_describes_the_api()
    {
        using var host = new ServerHost(azurite.Server);
        using var anonymous = host.CreateClient();

        var health = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
        var openApi = await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"/api/incidents/{id}/acknowledge\"", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_key_works_at_once_and_the_old_one_stops_without_a_restart()
    {
        var keysFile = Path.Combine(Path.GetTempPath(), $"incidentflows-keys-{Guid.NewGuid():N}.json");
        await WriteKeysAsync(keysFile, "ifk_old-key");
        using var host = new ServerHost(azurite.Server, keysFile: keysFile);
        using var client = host.CreateClient();

        var before = await ListAsync(client, "ifk_old-key");
        await WriteKeysAsync(keysFile, "ifk_new-key");
        var rotated = await Poll.UntilAsync(
            async () => await ListAsync(client, "ifk_new-key") == HttpStatusCode.OK ? "accepted" : null,
            () => "the new key to be accepted",
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(100));
        var old = await ListAsync(client, "ifk_old-key");

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal("accepted", rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, old);
    }

    private static async Task WriteKeysAsync(string path, string key) => await File.WriteAllTextAsync(path, $$"""
        { "IncidentFlows": { "ApiKeys": { "Keys": [ { "Name": "rotating", "Team": "platform", "Sha256": "{{ApiKeys.Hash(key)}}" } ] } } }
        """);

    private static async Task<HttpStatusCode> ListAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/incidents");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return (await client.SendAsync(request)).StatusCode;
    }
}
