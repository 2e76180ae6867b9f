using System.Text.Json;
using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class ConcurrentWritersTests(AzuriteFixture azurite)
{
    private const int Writers = 20;
    private const int CommitsPerWriter = 100;

    [Fact]
    public async Task Twenty_writers_committing_100_times_each_to_one_incident_lose_and_double_nothing()
    {
        var tables = await azurite.Server.NewTablesAsync();
        var store = new TableEventStore(tables.Incidents, EventContracts.Any);
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < CommitsPerWriter; i++)
            {
                var commit = new NewCommit([new StoredEvent("NoteAdded", 1, T0, $$"""{"writer":{{writer}},"i":{{i}}}""")], "{}");
                while (true)
                {
                    var version = (await store.LoadSnapshotAsync("inc-hot"))?.Version ?? 0;
                    try
                    {
                        await store.AppendAsync("inc-hot", version, commit with { SnapshotJson = $$"""{"version":{{version + 1}}}""" });
                        break;
                    }
                    catch (ConcurrencyConflictException)
                    {
                        // Back off a random few milliseconds, as a real writer would, so 20 writers do not
                        // all retry in lockstep against the same next sequence.
                        Interlocked.Increment(ref conflicts);
                        await Task.Delay(Random.Shared.Next(1, 5 * Writers));
                    }
                }
            }
        })));

        var loaded = await store.LoadEventsAsync("inc-hot");
        var written = loaded.Events.Select(e => JsonSerializer.Deserialize<Mark>(e.Data)!).ToList();
        Assert.Equal(Writers * CommitsPerWriter, loaded.Version);
        Assert.Equal(Writers * CommitsPerWriter, written.Distinct().Count());
        Assert.Equal(Writers * CommitsPerWriter, written.Count);
        Assert.All(written.GroupBy(m => m.Writer), g => Assert.Equal(Enumerable.Range(0, CommitsPerWriter), g.Select(m => m.I)));
        Assert.Equal(new StoredSnapshot(2000, """{"version":2000}"""), await store.LoadSnapshotAsync("inc-hot"));
        Assert.True(conflicts > 0, "the writers never raced, so the test proved nothing about concurrency");
    }

    private sealed record Mark(int Writer, int I)
    {
        [System.Text.Json.Serialization.JsonPropertyName("writer")]
        public int Writer { get; init; } = Writer;

        [System.Text.Json.Serialization.JsonPropertyName("i")]
        public int I { get; init; } = I;
    }
}
