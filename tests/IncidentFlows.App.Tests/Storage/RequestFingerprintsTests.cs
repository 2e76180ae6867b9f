using IncidentFlows.App.Storage;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class RequestFingerprintsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_first_body_remembered_for_a_key_wins_even_when_requests_race()
    {
        var tables = await azurite.Server.NewTablesAsync();
        var fingerprints = new TableRequestFingerprints(tables.Declarations);

        var remembered = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => fingerprints.RememberAsync("platform", "declare\nretry 'x'/7", $"body-{n}")));

        Assert.Single(remembered.Distinct());
        Assert.Equal(remembered[0], await fingerprints.FindAsync("platform", "declare\nretry 'x'/7"));
        Assert.Null(await fingerprints.FindAsync("payments", "declare\nretry 'x'/7")); // keys are per team
    }

    [Fact]
    public async Task Fingerprints_and_declare_keys_share_the_table_without_colliding()
    {
        var tables = await azurite.Server.NewTablesAsync();
        var declarations = new TableDeclarations(tables.Declarations);
        var fingerprints = new TableRequestFingerprints(tables.Declarations);

        await declarations.ClaimAsync("platform", "deploy-42", "INC-1");
        await fingerprints.RememberAsync("platform", "deploy-42", "abc");

        Assert.Equal("INC-1", await declarations.FindAsync("platform", "deploy-42"));
        Assert.Equal("abc", await fingerprints.FindAsync("platform", "deploy-42"));
    }
}
