using IncidentFlows.App.Storage;
using IncidentFlows.Testing;
using Microsoft.Extensions.Time.Testing;
using static IncidentFlows.App.Tests.Storage.StorageTestData;

namespace IncidentFlows.App.Tests.Storage;

[Collection(SharedAzurite.Name)]
public sealed class LeasesTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(T0);

    private async Task<TableLeases> NewLeasesAsync() => new((await azurite.Server.NewTablesAsync()).Leases, _clock);

    [Fact]
    public async Task Only_one_of_many_racing_processes_acquires_a_free_lease()
    {
        var leases = await NewLeasesAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => leases.TryAcquireAsync("timers", $"server-{i}", Ttl)));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task A_held_lease_is_refused_to_others_until_it_expires()
    {
        var leases = await NewLeasesAsync();
        var a = await leases.TryAcquireAsync("timers", "server-a", Ttl);

        var beforeExpiry = await leases.TryAcquireAsync("timers", "server-b", Ttl);
        _clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        var afterExpiry = await leases.TryAcquireAsync("timers", "server-b", Ttl);

        Assert.NotNull(a);
        Assert.Null(beforeExpiry);
        Assert.Equal(("server-b", _clock.GetUtcNow() + Ttl), (afterExpiry?.Owner, afterExpiry?.ExpiresAt));
    }

    [Fact]
    public async Task Renewing_keeps_the_lease_and_a_taken_over_lease_cannot_be_renewed()
    {
        var leases = await NewLeasesAsync();
        var a = (await leases.TryAcquireAsync("timers", "server-a", Ttl))!;
        _clock.Advance(TimeSpan.FromSeconds(20));
        var renewed = await leases.RenewAsync(a, Ttl);
        _clock.Advance(TimeSpan.FromSeconds(20));

        var stillHeld = await leases.TryAcquireAsync("timers", "server-b", Ttl);
        _clock.Advance(Ttl);
        var takenOver = await leases.TryAcquireAsync("timers", "server-b", Ttl);
        var lateRenewal = await leases.RenewAsync(renewed!, Ttl);

        Assert.NotNull(renewed);
        Assert.Null(stillHeld);
        Assert.NotNull(takenOver);
        Assert.Null(lateRenewal);
    }

    [Fact]
    public async Task A_released_lease_is_free_and_releasing_a_lost_one_is_harmless()
    {
        var leases = await NewLeasesAsync();
        var a = (await leases.TryAcquireAsync("timers", "server-a", Ttl))!;

        await leases.ReleaseAsync(a);
        var b = await leases.TryAcquireAsync("timers", "server-b", Ttl);
        await leases.ReleaseAsync(a);

        Assert.NotNull(b);
        Assert.Null(await leases.TryAcquireAsync("timers", "server-c", Ttl));
    }
}
