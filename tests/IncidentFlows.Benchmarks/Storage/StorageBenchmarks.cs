using System.Text.Json;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IncidentFlows.App.Storage;
using IncidentFlows.Testing;

namespace IncidentFlows.Benchmarks.Storage;

/// <summary>
/// Event store vs the raw Azure.Data.Tables SDK against the same local Azurite (started here on a free port).
/// Baseline: the bare two-operation <c>SubmitTransaction</c> a commit needs (commit row + snapshot), sent with a
/// plain SDK client; the store's append should cost no more than that (one round trip, no reads before writing).
/// Run: <c>dotnet run -c Release --project tests/IncidentFlows.Benchmarks -- --filter '*StorageBenchmarks*'</c>
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private const int LongIncidentEvents = 10_000;
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private AzuriteServer _azurite = null!;
    private TableClient _raw = null!;
    private TableEventStore _store = null!;
    private TableEventStore _longStore = null!;
    private string _eventsJson = null!;
    private long _rawRow;
    private long _rawBatchRow;
    private long _rawPairRow;
    private long _version;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        var service = _azurite.CreateClient();
        var tables = new StorageTables(service, "bench");
        await tables.CreateAllAsync();
        _raw = new TableServiceClient(_azurite.ConnectionString).GetTableClient("benchRaw");
        await _raw.CreateIfNotExistsAsync();
        _store = new TableEventStore(tables.Incidents, EventContracts.Any);
        _eventsJson = JsonSerializer.Serialize(new[] { Event(0) }, WebJson);

        // The long incident lives in its own table so its 10,000 rows do not slow the append benchmarks' table.
        var longTables = new StorageTables(service, "benchlong");
        await longTables.CreateAllAsync();
        _longStore = new TableEventStore(longTables.Incidents, EventContracts.Any);
        for (var v = 0; v < LongIncidentEvents; v++)
        {
            await _longStore.AppendAsync("inc-long", v, new NewCommit([Event(v)], "{\"status\":\"open\"}"));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static StoredEvent Event(long n) => new("NoteAdded", 1, T0.AddSeconds(n), $$"""{"note":"checkout latency is back to normal","n":{{n}}}""");

    /// <summary>One single-entity insert shaped like a commit row (same properties and size), raw SDK.</summary>
    [Benchmark]
    public Task RawInsertOneEntity() => _raw.AddEntityAsync(CommitShapedRow("inc-raw", ++_rawRow));

    /// <summary>The same entity inserted through a one-operation transaction: the fixed cost of Azurite's $batch path.</summary>
    [Benchmark]
    public Task RawTransactionOfOneInsert() =>
        _raw.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, CommitShapedRow("inc-raw-batch", ++_rawBatchRow))]);

    /// <summary>Baseline: a commit row and a snapshot in one raw SDK transaction, the least a commit can send.</summary>
    [Benchmark(Baseline = true)]
    public Task RawTransactionOfCommitAndSnapshot()
    {
        var sequence = ++_rawPairRow;
        return _raw.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, CommitShapedRow("inc-raw-pair", sequence)),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity("inc-raw-pair", "snapshot") { ["Version"] = sequence, ["State"] = "{\"status\":\"open\"}", ["StateChunks"] = 1 }),
        ]);
    }

    private TableEntity CommitShapedRow(string partition, long sequence) =>
        new(partition, sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["Count"] = 1,
            ["At"] = T0,
            ["Events"] = _eventsJson,
            ["EventsChunks"] = 1,
        };

    /// <summary>A commit: commit row + successor mark + snapshot, one transaction.</summary>
    [Benchmark]
    public async Task AppendCommitWithSnapshot() =>
        _version = await _store.AppendAsync("inc-bench", _version, new NewCommit([Event(_version)], "{\"status\":\"open\"}"));

    /// <summary>Loading every event of an incident with 10,000 commits (10 pages of 1,000 rows).</summary>
    [Benchmark]
    public Task<LoadedEvents> Load10000EventIncident() => _longStore.LoadEventsAsync("inc-long");

    private sealed class ShortInProcess : ManualConfig
    {
        // ShortRun with more iterations: the machine is shared, so single iterations are noisy.
        public ShortInProcess() => AddJob(Job.ShortRun.WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
