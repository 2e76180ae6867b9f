using IncidentFlows.Testing.Teams;
using Stopwatch = System.Diagnostics.Stopwatch;
using IncidentFlows.App.Teams.Graph;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;
using NodaTime;
using Polly.CircuitBreaker;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>
/// The pipeline in front of the Bot Connector and Graph (<see cref="TeamsHttpResilience"/>) against
/// hung and failing fakes on loopback, with short timeouts so a spec takes seconds, not the defaults' 30.
/// </summary>
public sealed class TeamsHttpResilienceSpecs : IAsyncLifetime
{
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(2);
    private TeamsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await StartAsync(breakAfter: 100);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_hung_bot_connector_is_given_up_on_within_the_total_timeout_after_retrying_each_cut_attempt()
    {
        _kit.Connector.Server.Hangs = true;
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            _kit.Get<ConnectorClient>().SendAsync(_kit.Connector.ServiceUrl, "a:chat", Activity.Message("page"), default));

        Assert.InRange(clock.Elapsed, Total - TimeSpan.FromMilliseconds(100), Total + TimeSpan.FromSeconds(3));
        Assert.True(_kit.Connector.Requests.Count >= 2, $"{_kit.Connector.Requests.Count} attempt(s): a cut attempt is retried");
    }

    [Fact]
    public async Task A_hung_graph_is_given_up_on_within_the_total_timeout()
    {
        _kit.Graph.Server.Hangs = true;
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            _kit.Get<IWarRooms>().OpenAsync(new IncidentId("INC-42"), "Checkout failing", Instant.FromUtc(2026, 11, 23, 10, 0), default));

        Assert.InRange(clock.Elapsed, Total - TimeSpan.FromMilliseconds(100), Total + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_connector_that_keeps_failing_opens_the_circuit_and_later_calls_fail_without_being_sent()
    {
        await _kit.DisposeAsync();
        _kit = await StartAsync(breakAfter: 2);
        _kit.Connector.Server.Respond = _ => new FakeResponse(503);
        var client = _kit.Get<ConnectorClient>();
        await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(_kit.Connector.ServiceUrl, "a:chat", Activity.Message("one"), default));
        var sentBefore = _kit.Connector.Requests.Count;

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.SendAsync(_kit.Connector.ServiceUrl, "a:chat", Activity.Message("two"), default));

        Assert.Equal(sentBefore, _kit.Connector.Requests.Count);
    }

    [Fact]
    public async Task Throttling_does_not_open_the_circuit_for_everyone_else()
    {
        await _kit.DisposeAsync();
        _kit = await StartAsync(breakAfter: 2);
        var throttled = 0;
        _kit.Connector.Server.Respond = _ => Interlocked.Increment(ref throttled) <= 3
            ? new FakeResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" })
            : FakeResponse.Ok("""{"id":"1"}""");

        await _kit.Get<ConnectorClient>().SendAsync(_kit.Connector.ServiceUrl, "a:busy-war-room", Activity.Message("one"), default);
        await _kit.Get<ConnectorClient>().SendAsync(_kit.Connector.ServiceUrl, "a:someone-else", Activity.Message("page"), default);

        Assert.Equal(5, _kit.Connector.Requests.Count);
    }

    private static Task<TeamsKit> StartAsync(int breakAfter) => TeamsKit.StartAsync(more: new Dictionary<string, string?>
    {
        ["IncidentFlows:Teams:Http:TotalTimeout"] = Total.ToString(),
        ["IncidentFlows:Teams:Http:AttemptTimeout"] = "00:00:00.5",
        ["IncidentFlows:Teams:Http:RetryDelay"] = "00:00:00.05",
        ["IncidentFlows:Teams:Http:BreakMinimumThroughput"] = breakAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IncidentFlows:Teams:Http:BreakSamplingDuration"] = "00:00:10",
        ["IncidentFlows:Teams:Http:BreakDuration"] = "00:00:30",
    });
}
