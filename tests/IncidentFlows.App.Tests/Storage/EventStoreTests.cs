using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class EventStoreTests(AzuriteFixture azurite)
{
    private async Task<(TableEventStore Store, StorageTables Tables)> NewStoreAsync(EventContracts? contracts = null)
    {
        var tables = await azurite.Server.NewTablesAsync();
        return (new TableEventStore(tables.Incidents, contracts ?? EventContracts.Any), tables);
    }

    [Fact]
    public async Task Commits_reload_in_order_with_the_version_of_the_last_commit()
    {
        var (store, _) = await NewStoreAsync();
        var written = new List<StoredEvent>();
        long version = 0;
        for (var i = 1; i <= 5; i++)
        {
            var events = new[] { Event("NoteAdded", i * 10), Event("StatusChanged", i * 10 + 1, """{"to":"identified","why":"it's \"quoted\""}""") };
            version = await store.AppendAsync("inc-1", version, new NewCommit(events, $$"""{"v":{{i}}}"""));
            written.AddRange(events);
        }

        var loaded = await store.LoadEventsAsync("inc-1");

        Assert.Equal(5, loaded.Version);
        Assert.Equal(written, loaded.Events);
    }

    [Fact]
    public async Task An_incident_without_commits_loads_empty_at_version_zero()
    {
        var (store, _) = await NewStoreAsync();

        Assert.Equal(new LoadedEvents(0, []), await store.LoadEventsAsync("never-declared"), new LoadedEventsComparer());
        Assert.Null(await store.LoadSnapshotAsync("never-declared"));
    }

    [Fact]
    public async Task A_second_writer_at_the_same_sequence_gets_a_concurrency_conflict()
    {
        var (store, _) = await NewStoreAsync();
        await store.AppendAsync("inc-1", 0, Commit(1));

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AppendAsync("inc-1", 0, Commit(2)));

        Assert.Equal(("inc-1", 0L), (error.IncidentId, error.ExpectedVersion));
        Assert.Equal(1, (await store.LoadEventsAsync("inc-1")).Version);
        Assert.Equal("""{"notes":1}""", (await store.LoadSnapshotAsync("inc-1"))!.Json);
    }

    [Fact]
    public async Task An_expected_version_ahead_of_the_store_is_a_conflict_and_leaves_no_gap()
    {
        var (store, _) = await NewStoreAsync();
        await store.AppendAsync("inc-1", 0, Commit(1));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AppendAsync("inc-1", 5, Commit(7)));

        Assert.Equal(1, (await store.LoadEventsAsync("inc-1")).Version);
    }

    [Fact]
    public async Task Two_processes_interleaving_commits_each_see_a_conflict_when_behind_and_never_overwrite()
    {
        var (a, tables) = await NewStoreAsync();
        var b = new TableEventStore(tables.Incidents, EventContracts.Any);
        await a.AppendAsync("inc-1", 0, Commit(1));
        var seenByB = (await b.LoadSnapshotAsync("inc-1"))!.Version;
        await b.AppendAsync("inc-1", seenByB, Commit(2));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => a.AppendAsync("inc-1", 1, Commit(20)));
        var seenByA = (await a.LoadSnapshotAsync("inc-1"))!.Version;
        await a.AppendAsync("inc-1", seenByA, Commit(3));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => b.AppendAsync("inc-1", 2, Commit(30)));

        var loaded = await b.LoadEventsAsync("inc-1");
        Assert.Equal(3, loaded.Version);
        Assert.Equal([Event("NoteAdded", 1), Event("NoteAdded", 2), Event("NoteAdded", 3)], loaded.Events);
        Assert.Equal(new StoredSnapshot(3, """{"notes":3}"""), await b.LoadSnapshotAsync("inc-1"));
    }

    [Fact]
    public async Task The_snapshot_is_written_with_its_commit()
    {
        var (store, _) = await NewStoreAsync();
        await store.AppendAsync("inc-1", 0, Commit(1));
        await store.AppendAsync("inc-1", 1, Commit(2));

        Assert.Equal(new StoredSnapshot(2, """{"notes":2}"""), await store.LoadSnapshotAsync("inc-1"));
    }

    [Fact]
    public async Task A_conflicting_commit_does_not_write_its_snapshot()
    {
        var (store, _) = await NewStoreAsync();
        await store.AppendAsync("inc-1", 0, Commit(1));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AppendAsync("inc-1", 0, Commit(99)));

        Assert.Equal(new StoredSnapshot(1, """{"notes":1}"""), await store.LoadSnapshotAsync("inc-1"));
    }

    [Fact]
    public async Task Payloads_over_64_KiB_are_split_and_read_back_whole()
    {
        var (store, _) = await NewStoreAsync();
        var big = "\"" + string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26)))) + new string('é', 60_000) + "\"";

        await store.AppendAsync("inc-1", 0, new NewCommit([Event("NoteAdded", 1, big)], big));

        Assert.Equal(big, (await store.LoadEventsAsync("inc-1")).Events[0].Data);
        Assert.Equal(big, (await store.LoadSnapshotAsync("inc-1"))!.Json);
    }

    [Fact]
    public async Task An_oversized_commit_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        var (store, _) = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() =>
            store.AppendAsync("inc-1", 0, new NewCommit([Event("NoteAdded", 1, new string('x', 600_000))], "{}")));

        Assert.Contains("at most 480,000", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await store.LoadEventsAsync("inc-1")).Version);
    }

    [Fact]
    public async Task An_unknown_event_contract_is_refused_on_append_and_on_load()
    {
        var (store, tables) = await NewStoreAsync(EventContracts.Of([new("NoteAdded", 1)]));
        var lenient = new TableEventStore(tables.Incidents, EventContracts.Any);
        await lenient.AppendAsync("inc-1", 0, new NewCommit([Event("NoteAdded", 1) with { SchemaVersion = 2 }], "{}"));

        var onAppend = await Assert.ThrowsAsync<UnknownEventTypeException>(() => store.AppendAsync("inc-2", 0, new NewCommit([Event("Mystery", 1)], "{}")));
        var onLoad = await Assert.ThrowsAsync<UnknownEventTypeException>(() => store.LoadEventsAsync("inc-1"));

        Assert.Equal(("Mystery", 1), (onAppend.Type, onAppend.SchemaVersion));
        Assert.Equal(("NoteAdded", 2), (onLoad.Type, onLoad.SchemaVersion));
    }

    private sealed class LoadedEventsComparer : IEqualityComparer<LoadedEvents>
    {
        public bool Equals(LoadedEvents? x, LoadedEvents? y) => x!.Version == y!.Version && x.Events.SequenceEqual(y.Events);

        public int GetHashCode(LoadedEvents obj) => obj.Version.GetHashCode();
    }
}
