using Azure.Data.Tables;
using IncidentFlows.App.Storage;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage;

/// <summary>
/// The service limits we check ourselves: Azurite accepts a 101-operation or mixed-partition transaction that
/// Azure refuses, and the SDK checks neither, so these run against Azurite to show nothing reaches it.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class TableLimitsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Transactions_across_partitions_or_over_100_operations_are_refused_before_sending()
    {
        var table = await NewTableAsync();

        var mixed = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedAsync([Add("p", "a"), Add("other", "b")], default));
        var tooMany = await Assert.ThrowsAsync<PayloadTooLargeException>(() => table.SubmitCheckedAsync(
            Enumerable.Range(0, 101).Select(i => Add("p", $"r{i:D3}")).ToList(), default));

        Assert.Contains("one partition key", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 100 operations", tooMany.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_full_transaction_of_100_operations_succeeds_and_returns_an_etag_per_operation()
    {
        var table = await NewTableAsync();

        var responses = await table.SubmitCheckedAsync(Enumerable.Range(0, 100).Select(i => Add("p", $"r{i:D3}")).ToList(), default);

        Assert.Equal(100, responses.Count);
        Assert.All(responses, r => Assert.NotNull(r.Headers.ETag));
        Assert.Equal(100, await table.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task An_oversized_single_entity_is_refused_before_sending()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "big");
        for (var i = 0; i < 40; i++)
        {
            entity[$"Part{i}"] = new string('x', 30_000);
        }

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => table.UpsertCheckedAsync(entity, default));

        Assert.Contains("at most 1,048,576 (1 MiB)", error.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public void String_properties_over_64_KiB_are_refused_with_the_limit_in_the_message()
    {
        var entity = new TableEntity("p", "r") { ["Big"] = new string('x', TableLimits.MaxStringChars + 1) };

        var error = Assert.Throws<PayloadTooLargeException>(() => TableLimits.CheckEntity(entity));

        Assert.Contains("64 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transaction_over_4_MiB_is_refused_even_when_each_entity_fits()
    {
        var actions = Enumerable.Range(0, 5).Select(i =>
        {
            var entity = new TableEntity("p", $"r{i}");
            for (var c = 0; c < 15; c++)
            {
                entity[$"Chunk{c}"] = new string('x', 32_000);
            }

            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
        }).ToList();

        var error = Assert.Throws<PayloadTooLargeException>(() => TableLimits.CheckTransaction(actions));

        Assert.Contains("(4 MiB)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_estimate_follows_the_services_formula()
    {
        var entity = new TableEntity("pk", "rk") { ["S"] = "abc", ["N"] = 1, ["L"] = 2L, ["B"] = true, ["G"] = Guid.Empty, ["At"] = DateTimeOffset.UnixEpoch };

        // 4 + 2·(2+2) + (8+2+4+6) + (8+2+4) + (8+2+8) + (8+2+1) + (8+2+16) + (8+4+8)
        Assert.Equal(4 + 8 + 20 + 14 + 18 + 11 + 26 + 20, TableLimits.EstimatedBytes(entity));
    }

    private static TableTransactionAction Add(string partition, string row) =>
        new(TableTransactionActionType.Add, new TableEntity(partition, row) { ["Note"] = "n" });

    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Server.CreateClient().GetTableClient(azurite.Server.UniqueTableName("limits"));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
