using IncidentFlows.App.Storage.Tables;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage.Tables;

[Collection(SharedAzurite.Name)]
public sealed class TableFilterTests(AzuriteFixture azurite)
{
    private const string Injection = "x' or PartitionKey ne '";

    [Fact]
    public void String_literals_double_their_quotes_so_they_cannot_end_early()
    {
        var filter = TableFilter.PartitionKey.Eq(Injection);

        Assert.Equal("PartitionKey eq 'x'' or PartitionKey ne '''", filter.Expression);
    }

    [Fact]
    public void Typed_literals_use_the_odata_forms()
    {
        var at = new DateTimeOffset(2026, 11, 21, 14, 0, 0, TimeSpan.FromHours(1));
        var id = Guid.Parse("0b8f0a3e-1111-4222-8333-944444444444");

        var filter = (TableFilter.Property("N").Gt(5L) & TableFilter.Property("At").Le(at)) | !TableFilter.Property("Id").Eq(id);

        Assert.Equal("((N gt 5L) and (At le datetime'2026-11-21T13:00:00.0000000Z')) or (not (Id eq guid'0b8f0a3e-1111-4222-8333-944444444444'))", filter.Expression);
    }

    [Theory]
    [InlineData("Status eq 'x' or true")]
    [InlineData("A B")]
    [InlineData("1abc")]
    public void Property_names_that_are_not_identifiers_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => TableFilter.Property(name));

    [Fact]
    public async Task A_filter_injection_attempt_matches_nothing_it_should_not()
    {
        var table = azurite.Server.CreateClient().GetTableClient(azurite.Server.UniqueTableName());
        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new TableEntity("team-a", "1") { ["Secret"] = "a" });
        await table.InsertAsync(new TableEntity("team-b", "1") { ["Secret"] = "b" });
        await table.InsertAsync(new TableEntity(Injection, "1") { ["Secret"] = "literal" });

        var rows = await table.QueryAsync(new TableQuery(TableFilter.PartitionKey.Eq(Injection))).ToListAsync();
        var none = await table.QueryAsync(new TableQuery(TableFilter.PartitionKey.Eq("team-a' or PartitionKey eq 'team-b"))).ToListAsync();

        Assert.Equal(["literal"], rows.Select(r => r.GetString("Secret")));
        Assert.Empty(none);
    }
}
