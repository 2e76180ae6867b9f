using BenchmarkDotNet.Attributes;
using IncidentFlows.Domain.OnCall;
using NodaTime;

namespace IncidentFlows.Benchmarks.OnCall;

/// <summary>
/// Who-is-on-call on a three-region follow-the-sun schedule (three restricted layers in three zones) with
/// 50 overrides, and a year's coverage report for it. Aims: over a million lookups per second; under 50 ms
/// for the year. Reproduce: see docs/benchmarks/oncall.md.
/// </summary>
[MemoryDiagnoser]
public class OnCallBenchmarks
{
    private const int LookupsPerInvoke = 1000;
    private static readonly Instant Start = Instant.FromUtc(2027, 1, 1, 0, 0);
    private readonly Instant[] instants = new Instant[LookupsPerInvoke];
    private Schedule schedule = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tzdb = DateTimeZoneProviders.Tzdb;
        var daytime = new Restriction(Restriction.EveryDay, new DailyWindow(new LocalTime(9, 0), new LocalTime(17, 0)));
        Layer Region(string name, string zone, params string[] people) =>
            new(name, people, new ShiftLength(1, ShiftUnit.Weeks), new LocalDateTime(2026, 1, 5, 10, 0), tzdb[zone], daytime);
        var layers = new[]
        {
            Region("Tokyo", "Asia/Tokyo", "aiko", "kenji", "yui"),
            Region("London", "Europe/London", "oliver", "priya", "tom"),
            Region("San Francisco", "America/Los_Angeles", "maya", "diego", "lee"),
        };

        // 50 overrides of every kind spread over the year: week-long covers, day-long adds, a few removals.
        var people = new[] { "aiko", "kenji", "oliver", "priya", "maya", "diego" };
        var overrides = Enumerable.Range(0, 50).Select(i =>
        {
            var span = new Interval(Start.Plus(Duration.FromDays(i * 7)), Start.Plus(Duration.FromDays((i * 7) + (i % 3) + 1)));
            return (i % 5) switch
            {
                0 => (Override)new Override.Add("backup", span),
                1 => new Override.Remove(people[i % people.Length], span),
                _ => new Override.Replace(people[i % people.Length], "backup", span),
            };
        }).ToList();
        schedule = new Schedule("follow-the-sun", "Follow the sun", tzdb["Europe/London"], layers, overrides);

        var random = new Random(42);
        for (var i = 0; i < instants.Length; i++) instants[i] = Start.Plus(Duration.FromSeconds(random.NextInt64(365L * 24 * 3600)));
    }

    /// <summary>1,000 lookups at random instants of 2027 per invocation; divide the mean by 1,000 for one lookup.</summary>
    [Benchmark(OperationsPerInvoke = LookupsPerInvoke)]
    public int WhoIsOnCall()
    {
        var found = 0;
        foreach (var at in instants) found += schedule.WhoIsOnCall(at).Count;
        return found;
    }

    [Benchmark]
    public int CoverageForAYear() => schedule.CoverageOver(new Interval(Start, Start.Plus(Duration.FromDays(365)))).Segments.Count;
}
