using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>The same lifecycle with the Functions host's real storage activities on Azurite: the timeline table is the read side.</summary>
[Collection(SharedAzurite.Name)]
public sealed class LifecycleOnStorageSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_orchestration_writes_commits_v1_to_v4_and_the_closed_snapshot_to_the_timeline_table()
    {
        await using var functions = await FunctionsHost.StartAsync(azurite.Server);
        var activities = new RecordingActivities { Storage = functions.Services.GetRequiredService<IncidentActivities>() };
        await using var engine = await DurableEngine.StartAsync(activities);
        var id = new IncidentId("INC-121");

        await LifecycleSpecs.RunToCloseAsync(engine, id);

        var store = functions.Services.GetRequiredService<IIncidentEventStore>();
        var stored = await store.LoadEventsAsync(id.Value);
        Assert.Equal(4, stored.Version);
        Assert.Equal(engine.Activities.Commits.Sum(c => c.Events.Count), stored.Events.Count);
        var snapshot = await store.LoadSnapshotAsync(id.Value);
        Assert.Equal(4, snapshot!.Version);
        Assert.Equal(IncidentStatus.Closed, IncidentJson.Deserialize<Incident>(snapshot.Json).Status);
    }
}
