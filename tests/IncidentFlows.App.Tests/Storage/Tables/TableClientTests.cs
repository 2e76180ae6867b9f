using Azure;
using IncidentFlows.App.Storage.Tables;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage.Tables;

[Collection(SharedAzurite.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Server.CreateClient().GetTableClient(azurite.Server.UniqueTableName());
        Assert.True(await table.CreateIfNotExistsAsync());
        return table;
    }

    private static TableEntity Row(string pk, string rk, string note = "n") => new(pk, rk) { ["Note"] = note };

    [Fact]
    public async Task Creating_an_existing_table_reports_that_it_existed()
    {
        var table = await NewTableAsync();

        Assert.False(await table.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task Typed_values_round_trip_with_their_types()
    {
        var table = await NewTableAsync();
        var at = new DateTimeOffset(2026, 11, 21, 13, 45, 12, 345, TimeSpan.FromHours(2)).AddTicks(6789);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "it's \"quoted\" ü",
            ["Big"] = long.MaxValue,
            ["Small"] = 42,
            ["Ratio"] = 2.0,
            ["Flag"] = true,
            ["At"] = at,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
        };
        await table.InsertAsync(entity);

        var read = await table.GetAsync("p", "r");

        Assert.NotNull(read);
        Assert.Equal("it's \"quoted\" ü", read.GetString("Text"));
        Assert.Equal(long.MaxValue, read.GetInt64("Big"));
        Assert.Equal(42, read.GetInt32("Small"));
        Assert.Equal(2.0, read.GetDouble("Ratio"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(at, read.GetDateTimeOffset("At"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read.GetBinary("Bytes")!.ToArray());
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task Getting_a_missing_entity_returns_null()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetAsync("p", "nothing-here"));
    }

    [Fact]
    public async Task Reading_from_a_table_that_does_not_exist_is_not_found_rather_than_empty()
    {
        var missing = azurite.Server.CreateClient().GetTableClient(azurite.Server.UniqueTableName("missing"));

        var get = await Assert.ThrowsAsync<TableNotFoundException>(() => missing.GetAsync("p", "r"));
        var query = await Assert.ThrowsAsync<TableNotFoundException>(() => missing.QueryPageAsync(new TableQuery()));

        Assert.Equal(("TableNotFound", "TableNotFound"), (get.ErrorCode, query.ErrorCode));
    }

    [Fact]
    public async Task Inserting_an_existing_entity_is_a_conflict_with_the_service_error_code()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(Row("p", "r"));

        var error = await Assert.ThrowsAsync<TableConflictException>(() => table.InsertAsync(Row("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task Updating_with_a_stale_etag_fails_the_precondition()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(Row("p", "r", "v1"));
        await table.UpdateAsync(Row("p", "r", "v2"), first);

        var error = await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.UpdateAsync(Row("p", "r", "v3"), first));

        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Equal("v2", (await table.GetAsync("p", "r"))!.GetString("Note"));
    }

    [Fact]
    public async Task Updating_a_missing_entity_is_not_found()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<TableNotFoundException>(() => table.UpdateAsync(Row("p", "missing"), ETag.All));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Deleting_with_a_stale_etag_keeps_the_entity()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(Row("p", "r", "v1"));
        var second = await table.UpdateAsync(Row("p", "r", "v2"), first);

        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.DeleteAsync("p", "r", first));
        Assert.NotNull(await table.GetAsync("p", "r"));

        await table.DeleteAsync("p", "r", second);
        Assert.Null(await table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task Upsert_merge_keeps_properties_it_does_not_send_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge);
        var merged = await table.GetAsync("p", "r");
        await table.UpsertAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace);
        var replaced = await table.GetAsync("p", "r");

        Assert.Equal(("a", "b2"), (merged!.GetString("A"), merged.GetString("B")));
        Assert.Equal((null, null, "c"), (replaced!.GetString("A"), replaced.GetString("B"), replaced.GetString("C")));
    }

    [Fact]
    public async Task Keys_with_quotes_and_spaces_address_the_right_entity()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(Row("team o'brien", "a b'c%20d", "odd"));

        var read = await table.GetAsync("team o'brien", "a b'c%20d");

        Assert.Equal("odd", read?.GetString("Note"));
    }

    [Fact]
    public async Task Queries_follow_continuations_across_pages_with_filter_select_and_top()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 100; i++)
        {
            await table.InsertAsync(new TableEntity("p", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i, ["Kind"] = i % 2 == 0 ? "even" : "odd", ["Other"] = "x" });
        }

        var query = new TableQuery(TableFilter.Property("Kind").Eq("even"), ["N"], Top: 7);
        var pages = 0;
        var numbers = new List<int>();
        string? token = null;
        do
        {
            var page = await table.QueryPageAsync(query, token);
            pages++;
            Assert.True(page.Entities.Count <= 7);
            Assert.All(page.Entities, e => Assert.Null(e.GetString("Other")));
            numbers.AddRange(page.Entities.Select(e => e.GetInt32("N")!.Value));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 2), numbers);
        Assert.True(pages >= 8, $"expected at least 8 pages, got {pages}");
    }

    [Fact]
    public async Task Typed_comparisons_filter_on_the_server()
    {
        var table = await NewTableAsync();
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            await table.InsertAsync(new TableEntity("p", $"r{i}") { ["Big"] = 10_000_000_000L + i, ["At"] = t0.AddMinutes(i) });
        }

        var big = await table.QueryAsync(new TableQuery(TableFilter.Property("Big").Ge(10_000_000_007L))).CountAsync();
        var early = await table.QueryAsync(new TableQuery(TableFilter.Property("At").Lt(t0.AddMinutes(3)))).CountAsync();

        Assert.Equal((3, 3), (big, early));
    }
}
