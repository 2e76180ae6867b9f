using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Server.Engine;
using IncidentFlows.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.Benchmarks.Server;

/// <summary>
/// The Durable Task engine on one Azurite (blob+queue+table):
/// (1) declare → first page dispatched, one declare at a time; (2) N incidents due at once → how late each
/// level-2 page goes out after its own deadline, with misses and doubles. The engine runs on the real
/// clock (one-minute level), so (2) waits a real minute.
/// <c>dotnet run -c Release --project tests/IncidentFlows.Benchmarks -- engine [declares] [burst]</c>
/// </summary>
internal static class EngineBench
{
    public static async Task RunAsync(string[] args)
    {
        var declares = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var burst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        await using var azurite = await AzuriteServer.StartAsync();
        Console.WriteLine($"Azurite on {azurite.BlobPort}/{azurite.QueuePort}/{azurite.Port}; {declares} sequential declares, then {burst} due at once");
        await DeclareLatencyAsync(azurite, declares);
        await BurstAsync(azurite, burst);
    }

    private static async Task DeclareLatencyAsync(AzuriteServer azurite, int count)
    {
        using var host = await StartAsync(azurite, "elat");
        var declarations = host.Services.GetRequiredService<IncidentDeclarations>();
        var pages = host.Services.GetRequiredService<RecordingEffects>().Pages;
        var latencies = new List<double>();
        var missed = 0;
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await declarations.DeclareAsync(Sev1($"latency {i}"), null, CancellationToken.None);
            var key = (result.State!.Id.Value, 1);
            var giveUp = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
            while (!pages.ContainsKey(key) && Stopwatch.GetTimestamp() < giveUp)
            {
                await Task.Delay(1);
            }

            if (pages.TryGetValue(key, out var page))
            {
                latencies.Add(Stopwatch.GetElapsedTime(started, page.Timestamp).TotalMilliseconds);
            }
            else
            {
                missed++;
            }
        }

        Console.WriteLine($"declare → first page dispatched: p50 {Percentile(latencies, 50):F1} ms, p90 {Percentile(latencies, 90):F1} ms, p99 {Percentile(latencies, 99):F1} ms, "
            + $"max {latencies.DefaultIfEmpty().Max():F1} ms (n={count}, missed within 30 s: {missed})");
        await host.StopAsync();
    }

    private static async Task BurstAsync(AzuriteServer azurite, int count)
    {
        using var host = await StartAsync(azurite, "eburst");
        var declarations = host.Services.GetRequiredService<IncidentDeclarations>();
        var recorder = host.Services.GetRequiredService<RecordingEffects>();
        var declaring = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await declarations.DeclareAsync(Sev1($"burst {i}"), null, ct));
        while (recorder.Wall.Count(p => p.Key.Level == 1) < count && declaring.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20);
        }

        var firsts = recorder.Wall.Where(p => p.Key.Level == 1).ToList();
        Console.WriteLine($"declared {count} incidents, {firsts.Count} paged at level 1 in {declaring.Elapsed.TotalSeconds:F1} s; "
            + $"deadlines spread over {(firsts.Max(p => p.Value.AckDeadline) - firsts.Min(p => p.Value.AckDeadline)).TotalSeconds:F1} s");

        var lastDeadline = firsts.Max(p => p.Value.AckDeadline);
        var giveUp = lastDeadline + TimeSpan.FromMinutes(3);
        while (recorder.Wall.Count(p => p.Key.Level == 2) < firsts.Count && DateTimeOffset.UtcNow < giveUp)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // a doubled page would show up here
        var lateness = firsts
            .Where(f => recorder.Wall.ContainsKey((f.Key.Incident, 2)))
            .Select(f => (recorder.Wall[(f.Key.Incident, 2)].At - f.Value.AckDeadline).TotalMilliseconds)
            .ToList();
        var doubled = recorder.Pages.Count(p => p.Value.Count > 1);
        var early = lateness.Count(l => l < 0);
        Console.WriteLine($"{firsts.Count} escalations due together: paged {lateness.Count}, missed {firsts.Count - lateness.Count}, doubled {doubled}, early {early}; "
            + $"lateness after each deadline p50 {Percentile(lateness, 50):F0} ms, p90 {Percentile(lateness, 90):F0} ms, p99 {Percentile(lateness, 99):F0} ms, max {lateness.DefaultIfEmpty().Max():F0} ms");
        await host.StopAsync();
    }

    private static async Task<IHost> StartAsync(AzuriteServer azurite, string prefix)
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
        });
        builder.Services.AddIncidentFlows(builder.Configuration);
        builder.Services.AddIncidentEngine(builder.Configuration);
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
