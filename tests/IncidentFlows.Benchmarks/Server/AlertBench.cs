using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IncidentFlows.App.Alerts;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.Server.Engine;
using IncidentFlows.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.Benchmarks.Server;

/// <summary>
/// Alert intake on the standalone App layer against real Azurite, without HTTP: (1) one alert at a time,
/// each a new alert of one service (the first opens the incident, the rest join it) → intake latency;
/// (2) a burst of concurrent deliveries for one service where every alert is delivered twice → alerts per
/// second, and how many incidents it made (must be one).
/// <c>dotnet run -c Release --project tests/IncidentFlows.Benchmarks -- alerts [sequential] [burst]</c>
/// </summary>
internal static class AlertBench
{
    public static async Task RunAsync(string[] args)
    {
        var sequential = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var burst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        await using var azurite = await AzuriteServer.StartAsync();
        Console.WriteLine($"Azurite on port {azurite.Port}; {sequential} sequential alerts, then {burst} alerts each delivered twice, 16 at a time");

        using (var host = await StartAsync(azurite, "alat"))
        {
            var intake = host.Services.GetRequiredService<AlertIntake>();
            var latencies = new List<double>();
            for (var i = 0; i < sequential; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await intake.AcceptAsync(Batch($"seq{i}"), CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            Console.WriteLine($"alert intake: p50 {Percentile(latencies, 50):F1} ms, p99 {Percentile(latencies, 99):F1} ms, max {latencies.Max():F1} ms (n={sequential})");
            await host.StopAsync();
        }

        using (var host = await StartAsync(azurite, "aburst"))
        {
            var intake = host.Services.GetRequiredService<AlertIntake>();
            // One alert of another service first: the store creates its tables on first use, and that is not what is measured.
            await intake.AcceptAsync(Batch("warm-up", "search"), CancellationToken.None);
            var deliveries = Enumerable.Range(0, burst).SelectMany(i => new[] { i, i }).ToList();
            var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                foreach (var outcome in await intake.AcceptAsync(Batch($"burst{i}"), ct))
                {
                    outcomes.Add(outcome.IncidentId ?? "none");
                }
            });
            clock.Stop();
            Console.WriteLine($"{deliveries.Count} deliveries ({burst} alerts, each twice) in {clock.Elapsed.TotalSeconds:F1} s: "
                + $"{deliveries.Count / clock.Elapsed.TotalSeconds:F0} alerts/s; incidents made for checkout: {outcomes.Distinct().Count()}");
            await host.StopAsync();
        }
    }

    private static AlertBatch Batch(string fingerprint, string service = "checkout") => new(
        [new IncomingAlert("alertmanager", fingerprint, true, "CheckoutErrorRate: 5xx above 5%", "critical", service,
            new Dictionary<string, string> { ["alertname"] = "CheckoutErrorRate", ["service"] = service }, [], new DateTimeOffset(2026, 11, 23, 9, 58, 0, TimeSpan.Zero))],
        0);

    private static async Task<IHost> StartAsync(AzuriteServer azurite, string prefix)
    {
        var team = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json")))!;
        var teamFile = Path.Combine(Path.GetTempPath(), $"incidentflows-bench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(teamFile, team.ToJsonString());
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentFlows:Storage:ConnectionString"] = azurite.ConnectionString,
            ["IncidentFlows:Storage:TablePrefix"] = prefix + Guid.NewGuid().ToString("N")[..8],
            ["IncidentFlows:Team:ConfigFile"] = teamFile,
        });
        builder.Services.AddIncidentFlows(builder.Configuration);
        builder.Services.AddIncidentEngine(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddSingleton<ConsoleEffectRunner>();
        builder.Services.AddSingleton<RecordingEffects>();
        builder.Services.AddSingleton<IEffectRunner>(sp => sp.GetRequiredService<RecordingEffects>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
