using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Core;
using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

/// <summary>
/// The managed-identity path (a <see cref="TokenCredential"/> and the table endpoint) against a real service:
/// Azurite over https with <c>--oauth basic</c>, which checks the token's audience, issuer and lifetime (not its
/// signature, so a test token can be unsigned).
/// </summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private AzuriteServer _server = null!;

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync(new AzuriteOptions(HttpsWithOAuth: true));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_event_store_commits_and_reloads_with_a_token_for_the_storage_audience()
    {
        var tables = new StorageTables(_server.CreateClient(new TestCredential(StorageToken())), "bearer");
        await tables.CreateAllAsync();
        var store = new TableEventStore(tables.Incidents, EventContracts.Any);

        await store.AppendAsync("inc-1", 0, Commit(1));
        await store.AppendAsync("inc-1", 1, Commit(2));

        Assert.Equal([Event("NoteAdded", 1), Event("NoteAdded", 2)], (await store.LoadEventsAsync("inc-1")).Events);
    }

    [Fact]
    public async Task A_token_that_is_not_a_storage_jwt_is_refused_by_the_service()
    {
        var tables = new StorageTables(_server.CreateClient(new TestCredential("not-a-jwt")), "refused");

        var error = await Assert.ThrowsAnyAsync<RequestFailedException>(() => tables.CreateAllAsync());

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
