using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Testing;
using IncidentFlows.Testing.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.Benchmarks.Teams;

/// <summary>
/// The bot's turn as Teams waits for it: a recorded activity in → command run on real Azurite →
/// reply posted to a Bot Connector on loopback, for declare, acknowledge and help; and the inbound
/// token check on its own. No background effects: the effect runner is the console one here.
/// <c>dotnet run -c Release --project tests/IncidentFlows.Benchmarks -- bot [turns]</c>
/// </summary>
internal static class BotBench
{
    public static async Task RunAsync(string[] args)
    {
        var turns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        await using var azurite = await AzuriteServer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        using var host = await StartAsync(azurite);
        var bot = host.Services.GetRequiredService<BotActivityHandler>();
        var message = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find().FullName, "tests", "IncidentFlows.Testing", "Teams", "Activities", "personal-message.json")))!.AsObject();
        message["serviceUrl"] = connector.ServiceUrl.AbsoluteUri;
        Console.WriteLine($"Azurite on {azurite.Port}, Connector fake on {connector.Server.Port}; {turns} turns each");

        Activity Say(string text)
        {
            var a = (JsonObject)message.DeepClone();
            a["id"] = Guid.NewGuid().ToString();
            a["text"] = text;
            return a.Deserialize<Activity>(BotJson.Options)!;
        }

        await MeasureAsync("warm-up", 20, i => bot.HandleAsync(Say($"declare sev3 warm up {i}"), default), print: false);
        await MeasureAsync("declare sev3 → incident card reply", turns, i => bot.HandleAsync(Say($"declare sev3 bench {i}"), default));
        await MeasureAsync("INC-n ack → incident card reply", turns, i => bot.HandleAsync(Say($"INC-{21 + i} ack"), default));
        await MeasureAsync("unknown text → help card reply", turns, _ => bot.HandleAsync(Say("what is happening"), default));

        await using var issuer = await FakeBotFrameworkIssuer.StartAsync();
        using var door = new BotDoor(issuer.MetadataUrl, "bench-app");
        var token = "Bearer " + issuer.Token("bench-app", "https://smba.trafficmanager.net/emea/");
        var inbound = BotDoor.Activity("https://smba.trafficmanager.net/emea/");
        await MeasureAsync("Bot Connector JWT validation + admission (keys cached)", turns * 10, _ => door.CheckAsync(token, inbound));
    }

    private static async Task MeasureAsync(string what, int count, Func<int, Task> turn, bool print = true)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await turn(i);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        if (print)
        {
            Console.WriteLine($"{what}: p50 {times[count / 2]:F2} ms, p99 {times[(int)(count * 0.99) - 1]:F2} ms, max {times[^1]:F2} ms (n={count})");
        }
    }

    private static async Task<IHost> StartAsync(AzuriteServer azurite)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentFlows:Storage:ConnectionString"] = azurite.ConnectionString,
            ["IncidentFlows:Storage:TablePrefix"] = "bot" + Guid.NewGuid().ToString("N")[..8],
            ["IncidentFlows:Team:ConfigFile"] = Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json"),
            ["IncidentFlows:DevelopmentMode"] = "true",
            ["IncidentFlows:Teams:AppId"] = "bench-app",
        });
        builder.Services.AddIncidentFlows(builder.Configuration);
        builder.Services.AddSingleton<App.Effects.IEffectRunner, App.Effects.ConsoleEffectRunner>(); // the bot's own turn only
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
