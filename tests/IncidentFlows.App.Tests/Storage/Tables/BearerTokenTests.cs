using System.Buffers.Text;
using System.Text;
using Azure.Core;
using IncidentFlows.App.Storage.Tables;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage.Tables;

/// <summary>
/// The managed-identity path against a real service: Azurite over https with <c>--oauth basic</c>, which checks
/// the token's audience, issuer and lifetime (not its signature, so a test token can be unsigned).
/// </summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private AzuriteServer _server = null!;

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync(new AzuriteOptions(HttpsWithOAuth: true));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_token_credential_for_the_storage_audience_can_create_write_and_read()
    {
        var table = _server.CreateClient(new TestCredential(StorageToken())).GetTableClient("Bearer");

        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["Note"] = "via managed identity" });

        Assert.Equal("via managed identity", (await table.GetAsync("p", "r"))?.GetString("Note"));
    }

    [Fact]
    public async Task A_token_that_is_not_a_storage_jwt_is_refused_with_a_typed_error()
    {
        var table = _server.CreateClient(new TestCredential("not-a-jwt")).GetTableClient("Bearer");

        var error = await Assert.ThrowsAnyAsync<TableRequestException>(() => table.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
    }

    private static string StorageToken()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = """{"alg":"none","typ":"JWT"}""";
        var payload = $$"""{"aud":"https://storage.azure.com","iss":"https://sts.windows.net/{{Guid.NewGuid()}}/","iat":{{now - 60}},"nbf":{{now - 60}},"exp":{{now + 3600}},"oid":"{{Guid.NewGuid()}}"}""";
        return $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.";
    }

    private sealed class TestCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
