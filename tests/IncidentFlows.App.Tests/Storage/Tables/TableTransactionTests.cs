using IncidentFlows.App.Storage.Tables;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage.Tables;

[Collection(SharedAzurite.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Server.CreateClient().GetTableClient(azurite.Server.UniqueTableName());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static TableEntity Row(string rk, string note = "n") => new("p", rk) { ["Note"] = note };

    [Fact]
    public async Task A_transaction_applies_every_operation_and_returns_their_etags()
    {
        var table = await NewTableAsync();
        var existing = await table.InsertAsync(Row("old", "v1"));

        var etags = await table.SubmitTransactionAsync([
            TableTransactionAction.Insert(Row("a")),
            TableTransactionAction.Upsert(Row("b")),
            TableTransactionAction.Update(Row("old", "v2"), existing),
        ]);

        Assert.Equal(3, etags.Count);
        Assert.All(etags.Take(3), e => Assert.NotEqual(default, e));
        Assert.Equal("v2", (await table.GetAsync("p", "old"))!.GetString("Note"));
        Assert.Equal(3, await table.QueryAsync(new TableQuery()).CountAsync());
    }

    [Fact]
    public async Task A_failing_operation_rolls_back_the_whole_transaction_and_names_its_index()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(Row("taken"));

        var error = await Assert.ThrowsAsync<TableConflictException>(() => table.SubmitTransactionAsync([
            TableTransactionAction.Insert(Row("new-1")),
            TableTransactionAction.Insert(Row("new-2")),
            TableTransactionAction.Insert(Row("taken")),
        ]));

        Assert.Equal(2, error.FailedOperationIndex);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Null(await table.GetAsync("p", "new-1"));
        Assert.Null(await table.GetAsync("p", "new-2"));
    }

    [Fact]
    public async Task A_stale_etag_in_a_transaction_fails_the_precondition_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var stale = await table.InsertAsync(Row("r", "v1"));
        await table.UpsertAsync(Row("r", "v2"));

        var error = await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.SubmitTransactionAsync([
            TableTransactionAction.Update(Row("r", "v3"), stale),
            TableTransactionAction.Insert(Row("other")),
        ]));

        Assert.Equal(0, error.FailedOperationIndex);
        Assert.Equal("v2", (await table.GetAsync("p", "r"))!.GetString("Note"));
        Assert.Null(await table.GetAsync("p", "other"));
    }

    [Fact]
    public async Task Deletes_in_a_transaction_require_the_entity_to_exist()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(Row("keep"));

        var error = await Assert.ThrowsAsync<TableNotFoundException>(() => table.SubmitTransactionAsync([
            TableTransactionAction.Delete("p", "keep"),
            TableTransactionAction.Delete("p", "missing"),
        ]));

        Assert.Equal(1, error.FailedOperationIndex);
        Assert.NotNull(await table.GetAsync("p", "keep"));
    }

    [Fact]
    public async Task Transactions_across_partitions_or_over_100_operations_are_refused_before_sending()
    {
        var table = await NewTableAsync();

        var mixed = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([
            TableTransactionAction.Insert(Row("a")),
            TableTransactionAction.Insert(new TableEntity("other", "b") { ["Note"] = "n" }),
        ]));
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => TableTransactionAction.Insert(Row($"r{i}"))).ToList()));

        Assert.Contains("one partition key", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 100 operations", tooMany.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync(new TableQuery()).ToListAsync());
    }

    [Fact]
    public async Task A_full_transaction_of_100_upserts_succeeds()
    {
        var table = await NewTableAsync();

        var etags = await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => TableTransactionAction.Upsert(Row($"r{i:D3}"))).ToList());

        Assert.Equal(100, etags.Count);
        Assert.Equal(100, await table.QueryAsync(new TableQuery()).CountAsync());
    }

    [Fact]
    public async Task An_etag_from_a_transaction_can_be_used_for_the_next_conditional_update()
    {
        var table = await NewTableAsync();

        var etags = await table.SubmitTransactionAsync([TableTransactionAction.Insert(Row("r", "v1"))]);
        await table.UpdateAsync(Row("r", "v2"), etags[0]);

        Assert.Equal("v2", (await table.GetAsync("p", "r"))!.GetString("Note"));
        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.UpdateAsync(Row("r", "v3"), etags[0]));
    }
}
