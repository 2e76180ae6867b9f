using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using static IncidentFlows.Domain.Tests.Learning.SyntheticHistories;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>
/// Two ISO weeks, 2026-11-02 (Monday, W45) to 2026-11-16 (exclusive), checked by hand:
/// <code>
///   id     kind      sev   service   reported (UTC)      ack    join   resolved   counts?
///   INC-0  real      SEV2  checkout  11-01 23:59         —      —      —          no: before the period
///   INC-1  real      SEV1  checkout  11-02 10:00 Mon     +4m    +6m    +60m       yes
///   INC-2  real      SEV2  checkout  11-04 22:00 Wed     +10m   +10m   +180m      yes
///   INC-3  drill     SEV1  checkout  11-05 09:00         +1m    +1m    +5m        no: drill
///   INC-4  tutorial  SEV4  —         11-06 09:00         —      —      —          no: tutorial
///   INC-5  real      SEV1  search    11-10 09:00 Tue     +2m    +12m   open       yes
///   INC-6  real      SEV3  —         11-12 12:00         —      —      declined   no: declined
///   INC-7  real      SEV2  search    11-15 23:30 Sun     —      —      +30m       yes (resolved without an ack)
///   INC-8  real      SEV1  search    11-16 00:00         +1m    —      —          no: the end is exclusive
///
///   counted: INC-1, INC-2, INC-5, INC-7 = 4; excluded 2 (drill, tutorial); declined 1
///   MTTA   = (4m + 10m + 2m) / 3 = 960 s / 3 = 320 s = 5m 20s            (INC-7 was never acknowledged)
///   muster = (6m + 10m + 12m) / 3 = 1680 s / 3 = 560 s = 9m 20s
///   MTTR   = (60m + 180m + 30m) / 3 = 270m / 3 = 90m = 1h 30m             (INC-5 is still open)
///   MTBF   = gaps between reports: 11-02 10:00 → 11-04 22:00 = 60h; → 11-10 09:00 = 131h; → 11-15 23:30 = 134.5h
///          = 325.5h / 3 = 108.5h = 4d 12h 30m
///   severity: SEV0 0, SEV1 2 (INC-1, INC-5), SEV2 2 (INC-2, INC-7), SEV3 0, SEV4 0
///   service: checkout 2, search 2
///   weeks (UTC): W45 2 (INC-1, INC-2), W46 2 (INC-5, INC-7)
///   weeks (Tokyo, +09:00): INC-7 is 11-16 08:30 Monday there → W45 2, W46 1, W47 1; the period's end
///          (11-16 09:00 JST) reaches into W47, so W47 is listed.
/// </code>
/// </summary>
public class MetricsSpecs
{
    private static readonly Interval TwoWeeks = new(Instant.FromUtc(2026, 11, 2, 0, 0), Instant.FromUtc(2026, 11, 16, 0, 0));

    private static readonly IncidentEvent[][] Histories =
    [
        Incident("INC-0", Instant.FromUtc(2026, 11, 1, 23, 59), service: "checkout"),
        Incident("INC-1", Instant.FromUtc(2026, 11, 2, 10, 0), Severity.Sev1, "checkout", ackAfterMinutes: 4, joinAfterMinutes: 6, resolveAfterMinutes: 60),
        Incident("INC-2", Instant.FromUtc(2026, 11, 4, 22, 0), Severity.Sev2, "checkout", ackAfterMinutes: 10, joinAfterMinutes: 10, resolveAfterMinutes: 180),
        Incident("INC-3", Instant.FromUtc(2026, 11, 5, 9, 0), Severity.Sev1, "checkout", IncidentKind.Drill, 1, 1, 5),
        Incident("INC-4", Instant.FromUtc(2026, 11, 6, 9, 0), Severity.Sev4, kind: IncidentKind.Tutorial),
        Incident("INC-5", Instant.FromUtc(2026, 11, 10, 9, 0), Severity.Sev1, "search", ackAfterMinutes: 2, joinAfterMinutes: 12),
        Incident("INC-6", Instant.FromUtc(2026, 11, 12, 12, 0), Severity.Sev3, declined: true),
        Incident("INC-7", Instant.FromUtc(2026, 11, 15, 23, 30), Severity.Sev2, "search", resolveAfterMinutes: 30),
        Incident("INC-8", Instant.FromUtc(2026, 11, 16, 0, 0), Severity.Sev1, "search", ackAfterMinutes: 1),
    ];

    private static MetricsReport Report(DateTimeZone? weeksIn = null) => IncidentMetrics.Over(Histories, TwoWeeks, weeksIn ?? DateTimeZone.Utc);

    [Fact]
    public void Only_real_incidents_reported_in_the_period_and_not_declined_count()
    {
        var report = Report();

        Assert.Equal((4, 2, 1), (report.Incidents, report.Excluded, report.Declined));
    }

    [Fact]
    public void Means_are_over_the_incidents_that_reached_each_moment()
    {
        var report = Report();

        Assert.Equal(Duration.FromSeconds(320), report.MeanTimeToAcknowledge);
        Assert.Equal(Duration.FromSeconds(560), report.MeanTimeToMuster);
        Assert.Equal(Duration.FromMinutes(90), report.MeanTimeToResolve);
        Assert.Equal(Duration.FromMinutes((108 * 60) + 30), report.MeanTimeBetweenFailures);
    }

    [Fact]
    public void Counts_by_severity_list_every_severity()
    {
        Assert.Equal(
            [new("SEV0", 0), new("SEV1", 2), new("SEV2", 2), new("SEV3", 0), new("SEV4", 0)],
            Report().BySeverity);
    }

    [Fact]
    public void Counts_by_service_and_iso_week()
    {
        Assert.Equal([new("checkout", 2), new("search", 2)], Report().ByService);
        Assert.Equal([new("2026-W45", 2), new("2026-W46", 2)], Report().ByWeek);
    }

    [Fact]
    public void Weeks_follow_the_teams_calendar()
    {
        Assert.Equal(
            [new("2026-W45", 2), new("2026-W46", 1), new("2026-W47", 1)],
            Report(DateTimeZoneProviders.Tzdb["Asia/Tokyo"]).ByWeek);
    }

    [Fact]
    public void No_incidents_means_no_means_rather_than_zero()
    {
        var report = IncidentMetrics.Over(Array.Empty<Incident>(), TwoWeeks, DateTimeZone.Utc);

        Assert.Equal(0, report.Incidents);
        Assert.Null(report.MeanTimeToAcknowledge);
        Assert.Null(report.MeanTimeBetweenFailures);
        Assert.Equal(2, report.ByWeek.Count);
    }

    [Fact]
    public void An_open_ended_period_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => IncidentMetrics.Over(Array.Empty<Incident>(), new Interval(TwoWeeks.Start, null), DateTimeZone.Utc));
    }

    [Fact]
    public void The_summary_csv_has_one_record_per_figure()
    {
        var csv = MetricsCsv.Summary(Report());

        Assert.StartsWith(
            "metric,key,value\r\nperiod_start,,2026-11-02T00:00:00Z\r\nperiod_end,,2026-11-16T00:00:00Z\r\nincidents,,4\r\n"
            + "excluded_drills_and_tutorials,,2\r\ndeclined,,1\r\nmtta_seconds,,320\r\nmean_time_to_muster_seconds,,560\r\n"
            + "mttr_seconds,,5400\r\nmtbf_seconds,,390600\r\nmean_time_to_learn_seconds,,\r\ntime_to_learn_running,,3\r\n"
            + "mean_time_to_improve_seconds,,\r\ntime_to_improve_running,,0\r\nwithout_action_items,,3\r\nby_severity,SEV0,0\r\n",
            csv,
            StringComparison.Ordinal);
        Assert.EndsWith("by_service,checkout,2\r\nby_service,search,2\r\nby_week,2026-W45,2\r\nby_week,2026-W46,2\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_incidents_csv_has_a_record_per_counted_incident_with_empty_fields_for_moments_not_reached()
    {
        var csv = MetricsCsv.Incidents(Histories.Select(IncidentEvolution.Fold), TwoWeeks);
        var records = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["INC-1", "INC-2", "INC-5", "INC-7"], records.Skip(1).Select(r => r.Split(',')[0]));
        Assert.Equal("INC-7,Incident INC-7,SEV2,search,resolved,2026-11-15T23:30:00Z,,,,2026-11-16T00:00:00Z,,,,1800,,,,running,,no action items", records[4]);
    }
}
