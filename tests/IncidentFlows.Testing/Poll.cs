namespace IncidentFlows.Testing;

/// <summary>
/// Waiting, in real time, for work that happens in the background (effects, sweeps, other processes).
/// A timeout fails the test with what was last seen, never passes it.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Probes until it returns something; fails with <paramref name="describe"/>'s account of the last probe otherwise.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, Func<string> describe, TimeSpan? timeout = null, TimeSpan? interval = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(describe);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        do
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {describe()}");
    }

    /// <summary>The same for a probe of in-memory state (recorded requests, notices).</summary>
    public static Task<T> UntilSeenAsync<T>(Func<T?> probe, Func<string> describe, TimeSpan? timeout = null)
        where T : class => UntilAsync(() => Task.FromResult(probe()), describe, timeout);
}
