using IncidentFlows.App.Storage;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Storage;

/// <summary>Fresh tables per test (unique prefix) on the collection's Azurite, and small builders for commits.</summary>
internal static class StorageTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public static async Task<StorageTables> NewTablesAsync(this AzuriteServer server, Azure.Data.Tables.TableClientOptions? options = null)
    {
        var tables = new StorageTables(server.CreateClient(options), "s" + Guid.NewGuid().ToString("N")[..12]);
        await tables.CreateAllAsync();
        return tables;
    }

    public static StoredEvent Event(string type, int n, string? data = null) =>
        new(type, 1, T0.AddSeconds(n), data ?? $$"""{"n":{{n}}}""");

    public static NewCommit Commit(int n) =>
        new([Event("NoteAdded", n)], $$"""{"notes":{{n}}}""");
}
