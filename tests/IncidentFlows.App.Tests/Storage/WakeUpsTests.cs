using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class WakeUpsTests(AzuriteFixture azurite)
{
    private async Task<TableWakeUps> NewWakeUpsAsync() => new((await azurite.Server.NewTablesAsync()).WakeUps);

    [Fact]
    public async Task Due_returns_wake_ups_at_or_before_the_instant_across_incidents_earliest_first()
    {
        var wakeUps = await NewWakeUpsAsync();
        await wakeUps.ScheduleAsync("inc-late", T0.AddMinutes(30));
        await wakeUps.ScheduleAsync("inc-exact", T0.AddMinutes(10));
        await wakeUps.ScheduleAsync("inc-early", T0.AddMinutes(5));

        var due = await wakeUps.DueAsync(T0.AddMinutes(10), max: 100);

        Assert.Equal([new WakeUp("inc-early", T0.AddMinutes(5)), new WakeUp("inc-exact", T0.AddMinutes(10))], due);
    }

    [Fact]
    public async Task Scheduling_again_replaces_the_incidents_single_wake_up()
    {
        var wakeUps = await NewWakeUpsAsync();
        await wakeUps.ScheduleAsync("inc-1", T0.AddMinutes(5));

        await wakeUps.ScheduleAsync("inc-1", T0.AddMinutes(20));
        await wakeUps.ScheduleAsync("inc-1", T0.AddMinutes(20));

        Assert.Empty(await wakeUps.DueAsync(T0.AddMinutes(19), 100));
        Assert.Equal([new WakeUp("inc-1", T0.AddMinutes(20))], await wakeUps.DueAsync(T0.AddHours(1), 100));
    }

    [Fact]
    public async Task Removing_deletes_only_the_wake_up_it_names()
    {
        var wakeUps = await NewWakeUpsAsync();
        await wakeUps.ScheduleAsync("inc-1", T0.AddMinutes(5));
        await wakeUps.ScheduleAsync("inc-1", T0.AddMinutes(15));

        var staleRemoved = await wakeUps.RemoveAsync("inc-1", T0.AddMinutes(5));
        var stillDue = await wakeUps.DueAsync(T0.AddHours(1), 100);
        var currentRemoved = await wakeUps.RemoveAsync("inc-1", T0.AddMinutes(15));

        Assert.False(staleRemoved);
        Assert.Equal([new WakeUp("inc-1", T0.AddMinutes(15))], stillDue);
        Assert.True(currentRemoved);
        Assert.Empty(await wakeUps.DueAsync(T0.AddHours(1), 100));
    }

    [Fact]
    public async Task Concurrent_schedulers_leave_exactly_one_wake_up_per_incident()
    {
        var wakeUps = await NewWakeUpsAsync();

        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => wakeUps.ScheduleAsync("inc-1", T0.AddMinutes(i))));

        var due = await wakeUps.DueAsync(T0.AddHours(1), 100);
        Assert.Single(due);
        Assert.Equal("inc-1", due[0].IncidentId);
    }

    [Fact]
    public async Task Due_honours_the_maximum()
    {
        var wakeUps = await NewWakeUpsAsync();
        for (var i = 0; i < 5; i++)
        {
            await wakeUps.ScheduleAsync($"inc-{i}", T0.AddMinutes(i));
        }

        Assert.Equal(["inc-0", "inc-1"], (await wakeUps.DueAsync(T0.AddHours(1), max: 2)).Select(w => w.IncidentId));
    }
}
