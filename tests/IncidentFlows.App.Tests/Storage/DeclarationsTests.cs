using IncidentFlows.App.Storage;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class DeclarationsTests(AzuriteFixture azurite)
{
    private async Task<TableDeclarations> NewDeclarationsAsync() => new((await azurite.Server.NewTablesAsync()).Declarations);

    [Fact]
    public async Task Parallel_declares_in_an_alert_storm_get_distinct_consecutive_numbers()
    {
        var declarations = await NewDeclarationsAsync();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => declarations.NextNumberAsync("platform")));

        Assert.Equal(Enumerable.Range(1, 24).Select(n => (long)n), numbers.Order());
    }

    [Fact]
    public async Task Teams_count_their_incidents_separately()
    {
        var declarations = await NewDeclarationsAsync();

        await declarations.NextNumberAsync("platform");
        var other = await declarations.NextNumberAsync("payments");

        Assert.Equal(1, other);
    }

    [Fact]
    public async Task The_first_claim_of_an_idempotency_key_wins_and_later_claims_get_its_incident()
    {
        var declarations = await NewDeclarationsAsync();

        var claims = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => declarations.ClaimAsync("platform", "alert/7731 'disk full'", $"INC-{n}")));

        Assert.Single(claims.Distinct());
        Assert.Equal(claims[0], await declarations.FindAsync("platform", "alert/7731 'disk full'"));
        Assert.Null(await declarations.FindAsync("platform", "another alert"));
    }
}
