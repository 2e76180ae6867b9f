using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.Benchmarks.Server;

/// <summary>
/// The standalone driver against real Azurite: (1) declare → first page dispatched latency, one
/// declare at a time; (2) N incidents whose acknowledgement deadlines fall at the same instant →
/// how late, in real time, each next-level page goes out, and whether any was missed or doubled.
/// <c>dotnet run -c Release --project tests/IncidentFlows.Benchmarks -- scheduler [declares] [burst]</c>
/// </summary>
internal static class SchedulerBench
{
    public static async Task RunAsync(string[] args)
    {
        var declares = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var burst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        await using var azurite = await AzuriteServer.StartAsync();
        Console.WriteLine($"Azurite on port {azurite.Port}; {declares} sequential declares, then a burst of {burst} escalations");
        await RunAsync(azurite, declares, burst);
    }

    /// <summary>On an Azurite already running (the engine bench runs both drivers on one).</summary>
    public static async Task RunAsync(AzuriteServer azurite, int declares, int burst)
    {
        await DeclareLatencyAsync(azurite, declares);
        await BurstAsync(azurite, burst);
    }

    private static async Task DeclareLatencyAsync(AzuriteServer azurite, int count)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        using var host = await StartAsync(azurite, clock, "lat");
        var declarations = host.Services.GetRequiredService<IncidentDeclarations>();
        var pages = host.Services.GetRequiredService<RecordingEffects>().Pages;
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await declarations.DeclareAsync(Sev1($"latency {i}"), null, CancellationToken.None);
            var key = (result.State!.Id.Value, 1);
            while (!pages.ContainsKey(key))
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(started, pages[key].Timestamp).TotalMilliseconds);
        }

        Console.WriteLine($"declare → first page dispatched: p50 {Percentile(latencies, 50):F1} ms, p99 {Percentile(latencies, 99):F1} ms, max {latencies.Max():F1} ms (n={count})");
        await host.StopAsync();
    }

    private static async Task BurstAsync(AzuriteServer azurite, int count)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        using var host = await StartAsync(azurite, clock, "burst");
        var declarations = host.Services.GetRequiredService<IncidentDeclarations>();
        var pages = host.Services.GetRequiredService<RecordingEffects>().Pages;
        var declaring = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await declarations.DeclareAsync(Sev1($"burst {i}"), null, ct));
        while (pages.Count(p => p.Key.Level == 1) < count)
        {
            await Task.Delay(20);
        }

        Console.WriteLine($"declared {count} incidents and paged level 1 in {declaring.Elapsed.TotalSeconds:F1} s");

        // Every deadline is 10:01:00 (one-minute level); move the clock past it at once.
        var due = Stopwatch.GetTimestamp();
        clock.Advance(TimeSpan.FromMinutes(1));
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (pages.Count(p => p.Key.Level == 2) < count && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(20);
        }

        var lateness = pages.Where(p => p.Key.Level == 2).Select(p => Stopwatch.GetElapsedTime(due, p.Value.Timestamp).TotalMilliseconds).ToList();
        var doubled = pages.Count(p => p.Value.Count > 1);
        Console.WriteLine($"{count} simultaneous escalations: paged {lateness.Count}, missed {count - lateness.Count}, doubled {doubled}; "
            + $"lateness p50 {Percentile(lateness, 50):F0} ms, p99 {Percentile(lateness, 99):F0} ms, max {lateness.DefaultIfEmpty().Max():F0} ms");
        await host.StopAsync();
    }

    private static async Task<IHost> StartAsync(AzuriteServer azurite, FakeTimeProvider clock, string prefix)
    {
        var team = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json")))!;
        team["policies"]![0]!["levels"]![0]!["ackTimeoutMinutes"] = 1;
        var teamFile = Path.Combine(Path.GetTempPath(), $"incidentflows-bench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(teamFile, team.ToJsonString());

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentFlows:Storage:ConnectionString"] = azurite.ConnectionString,
            ["IncidentFlows:Storage:TablePrefix"] = prefix + Guid.NewGuid().ToString("N")[..8],
            ["IncidentFlows:Team:ConfigFile"] = teamFile,
            ["IncidentFlows:Scheduler:Parallelism"] = "32",
        });
        builder.Services.AddIncidentFlows(builder.Configuration);
        builder.Services.AddIncidentScheduler(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<ConsoleEffectRunner>();
        builder.Services.AddSingleton<RecordingEffects>();
        builder.Services.AddSingleton<IEffectRunner>(sp => sp.GetRequiredService<RecordingEffects>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static IncidentCommand.Declare Sev1(string title) =>
        new(default, title, Severity.Sev1, new Person("bench", "Bench"), Service: "checkout");

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
