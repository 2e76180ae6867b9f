using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentFlows.Server.Tests.Engine;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api.Generated;

/// <summary>
/// A few hundred generated requests over every HTTP endpoint, on the Durable Task engine, from a fixed seed
/// (<c>INCIDENTFLOWS_FUZZ_SEED</c> picks another): none is answered 5xx, every API error is problem+json, and nothing
/// a refused request carried is stored — no incident it declared, no marker of its body on any incident or timeline,
/// no incident number it took, no configuration it sent.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed partial class GeneratedInputSpecs(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Requests = 300;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("INCIDENTFLOWS_FUZZ_SEED"), out var s) ? s : 1414;

    [Fact]
    public async Task Generated_requests_over_every_endpoint_are_never_a_5xx_and_a_refused_one_stores_nothing()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        using var anonymous = host.CreateClient();
        var ids = new List<string> { await host.DeclareStoredAsync("seed one"), await host.DeclareStoredAsync("seed two", "sev2") };
        await host.PostAsync($"/api/incidents/{ids[1]}/resolve");
        await host.EventuallyAsync(ids[1], i => i["status"]!.GetValue<string>() == "resolved", "seed two resolved", ApiOnTheEngine.Patience);
        var configuration = await File.ReadAllTextAsync(ServerHost.SampleTeamFile);
        var onCall = await OnCallPictureAsync(host);
        var generator = new RequestGenerator(Seed, ids, configuration);
        var accepted = new HashSet<int>();
        var answeredIds = new HashSet<string>(ids);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();

        for (var n = 1; n <= Requests && clock.Elapsed < Budget; n++, sent++)
        {
            var request = generator.Next(n);
            using var message = request.ToMessage();
            using var response = await (request.WithoutCredential ? anonymous : host.Api).SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"{status} for {request}: {Shorten(text)}");
            }
            else if (status >= 400 && request.Path.StartsWith("/api/", StringComparison.Ordinal) && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{status} without problem+json ({response.Content.Headers.ContentType}) for {request}: {Shorten(text)}");
            }
            else if (status < 300)
            {
                accepted.Add(n);
                answeredIds.UnionWith(IncidentId().Matches(text).Select(m => m.Value));
                if (request.Path.StartsWith("/api/incidents", StringComparison.Ordinal) && request.Method == HttpMethod.Post && IncidentId().Match(text) is { Success: true } id && !ids.Contains(id.Value))
                {
                    ids.Add(id.Value); // later requests aim at it too
                }
            }

            if (request.Path == "/api/oncall/configuration")
            {
                failures.AddRange(await ConfigurationKeptAsync(host, request, status, configuration, onCall));
            }
        }

        var stored = await QuietSnapshotAsync(host);
        failures.AddRange(IncidentId().Matches(stored).Select(m => m.Value).Distinct().Where(i => !answeredIds.Contains(i))
            .Select(i => $"{i} is stored but no accepted request answered it"));
        failures.AddRange(Marker().Matches(stored).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()
            .Where(number => !accepted.Contains(number)).Select(number => $"request #{number} was refused but {GeneratedRequest.MarkerOf(number)} is stored"));
        var incidents = IncidentId().Matches(stored).Select(m => m.Value).Distinct().Count();
        var next = (await host.DeclareAsync(new { title = "after the storm", severity = "sev4" }))["id"]!.GetValue<string>();

        output.WriteLine($"seed {Seed}: {sent} requests in {clock.Elapsed.TotalSeconds:N1} s, {accepted.Count} accepted, {incidents} incidents stored, {Marker().Matches(stored).Select(m => m.Value).Distinct().Count()} markers stored; statuses {string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {Seed}, {sent} requests:\n{string.Join('\n', failures)}");
        Assert.Equal($"INC-{incidents + 1}", next); // no refused declare took a number
        Assert.True(sent >= Requests / 2, $"only {sent} requests in {Budget.TotalSeconds:N0} s");
        Assert.True(accepted.Count > 10 && accepted.Count < sent - 50, $"{accepted.Count} of {sent} accepted: the generator should make both kinds");
    }

    /// <summary>A refused configuration changes nothing; an accepted one (a harmless mutation) is put back at once.</summary>
    private static async Task<IEnumerable<string>> ConfigurationKeptAsync(ServerHost host, GeneratedRequest request, int status, string configuration, string onCall)
    {
        if (status < 300)
        {
            using var restore = await host.Api.PutAsync(new Uri("/api/oncall/configuration", UriKind.Relative), new StringContent(configuration, Encoding.UTF8, "application/json"));
            return restore.IsSuccessStatusCode ? [] : [$"the sample configuration could not be put back after {request}"];
        }

        return await OnCallPictureAsync(host) == onCall ? [] : [$"refused configuration {request} changed who is on call"];
    }

    private static async Task<string> OnCallPictureAsync(ServerHost host) =>
        (await host.GetAsync("/api/oncall?at=2026-11-23T10:00:00Z")).ToJsonString()
        + (await host.GetAsync("/api/oncall/schedules/follow-the-sun/coverage?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z")).ToJsonString();

    /// <summary>Every incident, its view and its timeline, once two reads a second apart agree (the engine works in the background).</summary>
    private static async Task<string> QuietSnapshotAsync(ServerHost host)
    {
        var previous = "";
        return await Poll.UntilAsync(
            async () =>
            {
                var current = await SnapshotAsync(host);
                var quiet = current == previous;
                previous = current;
                await Task.Delay(TimeSpan.FromSeconds(1));
                return quiet ? current : null;
            },
            () => "the stored incidents to stop changing",
            TimeSpan.FromSeconds(45));
    }

    private static async Task<string> SnapshotAsync(ServerHost host)
    {
        var snapshot = new StringBuilder();
        var list = await host.GetAsync("/api/incidents?pageSize=200");
        snapshot.Append(list.ToJsonString());
        foreach (var item in list["items"]!.AsArray())
        {
            var id = item!["id"]!.GetValue<string>();
            snapshot.Append((await host.GetAsync($"/api/incidents/{id}")).ToJsonString());
            snapshot.Append((await host.GetAsync($"/api/incidents/{id}/timeline")).ToJsonString());
        }

        return snapshot.ToString();
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;

    [GeneratedRegex(@"INC-\d+")]
    private static partial Regex IncidentId();

    [GeneratedRegex(@"fz(\d{4})x")]
    private static partial Regex Marker();
}
