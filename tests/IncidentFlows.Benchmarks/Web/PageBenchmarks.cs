using BenchmarkDotNet.Attributes;
using IncidentFlows.App.Web;
using IncidentFlows.App.Web.Pages;
using IncidentFlows.Benchmarks.Learning;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using IncidentFlows.Domain.OnCall.Configuration;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace IncidentFlows.Benchmarks.Web;

/// <summary>
/// Server time to render the incident homepage of a 10,000-event incident and the on-call picture of the
/// sample team (aim: under 100 ms each), from loaded data to the HTML string. Figures: docs/benchmarks/web.md.
/// </summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private ServiceProvider _services = null!;
    private PageRenderer _pages = null!;
    private IncidentPageModel _incident = null!;
    private TeamConfiguration _team = null!;

    [Params(10_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).BuildServiceProvider();
        _pages = new PageRenderer(_services, _services.GetRequiredService<ILoggerFactory>());
        var history = PostmortemBenchmarks.LongIncident(Events);
        var state = IncidentEvolution.Fold(history);
        _incident = new IncidentPageModel(state, history, Timeline.Of(history, London), null, state.Times.Reported + Duration.FromHours(2), null);
        var json = File.ReadAllText(Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json"));
        _team = TeamConfigurationParser.Parse(json) is TeamConfigurationResult.Valid valid ? valid.Configuration : throw new InvalidOperationException("The sample team is invalid.");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The model (timeline in the viewer's zone) and the page, as a request does both.</summary>
    [Benchmark]
    public Task<string> IncidentHomepage() => _pages.RenderAsync<IncidentPage>(new Dictionary<string, object?>
    {
        [nameof(IncidentPage.Viewer)] = "Bench",
        [nameof(IncidentPage.Model)] = _incident with { Timeline = Timeline.Of(_incident.History, London) },
        [nameof(IncidentPage.Token)] = new FormToken("__RequestVerificationToken", "token"),
        [nameof(IncidentPage.Zones)] = ViewerZoneChoices.Ids,
    });

    /// <summary>The week across the UK clock change: coverage of every schedule, now and next per level, and the page.</summary>
    [Benchmark]
    public Task<string> OnCallWeek() => _pages.RenderAsync<OnCallPage>(new Dictionary<string, object?>
    {
        [nameof(OnCallPage.Viewer)] = "Bench",
        [nameof(OnCallPage.Picture)] = OnCallPicture.Of(_team, Instant.FromUtc(2026, 3, 27, 9, 30), London, null),
        [nameof(OnCallPage.People)] = _team.People,
        [nameof(OnCallPage.Zones)] = ViewerZoneChoices.Ids,
    });
}
