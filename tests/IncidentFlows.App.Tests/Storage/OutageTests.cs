using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

/// <summary>Uses its own Azurite (on disk) because it stops it.</summary>
public sealed class OutageTests : IDisposable
{
    private const string Prefix = "outage";
    private readonly string _data = Directory.CreateTempSubdirectory("azurite-outage-").FullName;

    [Fact]
    public async Task Stopping_the_service_mid_run_gives_a_clear_error_and_never_a_partial_commit()
    {
        long acknowledged = 0;
        StorageUnavailableException? failure = null;
        await using (var server = await AzuriteServer.StartAsync(new AzuriteOptions(DataDirectory: _data)))
        {
            var tables = new StorageTables(server.CreateClient(), Prefix);
            await tables.CreateAllAsync();
            var store = new TableEventStore(tables.Incidents, EventContracts.Any);
            var writer = Task.Run(async () =>
            {
                try
                {
                    for (var v = 0L; ; v++)
                    {
                        await store.AppendAsync("inc-1", v, Commit((int)v + 1) with { SnapshotJson = $"{v + 1}" });
                        Interlocked.Exchange(ref acknowledged, v + 1);
                    }
                }
                catch (StorageUnavailableException e)
                {
                    failure = e;
                }
            });
            while (Interlocked.Read(ref acknowledged) < 50)
            {
                await Task.Delay(5);
            }

            await server.InterruptAsync();
            await writer;
        }

        Assert.NotNull(failure);
        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", failure.Message, StringComparison.Ordinal);

        await using var restarted = await AzuriteServer.StartAsync(new AzuriteOptions(DataDirectory: _data));
        var again = new StorageTables(restarted.CreateClient(), Prefix);
        var reloaded = await new TableEventStore(again.Incidents, EventContracts.Any).LoadEventsAsync("inc-1");
        var snapshot = await new TableEventStore(again.Incidents, EventContracts.Any).LoadSnapshotAsync("inc-1");

        Assert.InRange(reloaded.Version, acknowledged, acknowledged + 1);
        Assert.Equal(new StoredSnapshot(reloaded.Version, $"{reloaded.Version}"), snapshot);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
