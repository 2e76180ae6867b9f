using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>
/// Offsets are durations between instants, never differences of wall-clock times: in Europe/London
/// the clocks went forward at 01:00 UTC on 2026-03-29 (01:00 GMT → 02:00 BST) and back at 01:00 UTC
/// on 2026-10-25 (02:00 BST → 01:00 GMT).
/// </summary>
public class OffsetsAcrossMidnightAndDstSpecs
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly Person Bob = ModelLoadingIncident.Bob;

    private static IncidentEvent[] History(Instant reported, Instant acknowledged, Instant resolved) =>
    [
        new E.Declared(new IncidentId("INC-9"), "Night batch stuck", Severity.Sev2, IncidentKind.Real, ModelLoadingIncident.Alice, "batch", null, null,
            SeverityPolicies.Default[Severity.Sev2], reported + Duration.FromHours(1)) { At = reported },
        new E.Acknowledged(Bob) { At = acknowledged },
        new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Bob, null) { At = resolved },
    ];

    private static string[] KeyMoments(IncidentEvent[] history) =>
        PostmortemWriter.Markdown(new PostmortemInput(history, [], London)).Split('\n')
            .Where(line => line.StartsWith("- Reported:", StringComparison.Ordinal) || line.StartsWith("- Acknowledged:", StringComparison.Ordinal) || line.StartsWith("- Resolved:", StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public void Across_midnight_and_the_spring_forward_the_offsets_count_real_time()
    {
        // 23:40 GMT on Saturday; acknowledged 00:25 GMT on Sunday; resolved 01:10 UTC, which London reads as 02:10 BST.
        var history = History(Instant.FromUtc(2026, 3, 28, 23, 40), Instant.FromUtc(2026, 3, 29, 0, 25), Instant.FromUtc(2026, 3, 29, 1, 10));

        Assert.Equal(
            [
                "- Reported: 2026-03-28 23:40:00 GMT (+0s)",
                "- Acknowledged: 2026-03-29 00:25:00 GMT (+45m 0s)",
                "- Resolved: 2026-03-29 02:10:00 BST (+1h 30m 0s)", // the wall clock moved 2h 30m
            ],
            KeyMoments(history));
    }

    [Fact]
    public void Across_the_fall_back_the_same_wall_clock_time_twice_is_an_hour_apart()
    {
        // 00:30 UTC is 01:30 BST; 01:30 UTC is 01:30 GMT, after the clocks went back.
        var history = History(Instant.FromUtc(2026, 10, 25, 0, 30), Instant.FromUtc(2026, 10, 25, 0, 50), Instant.FromUtc(2026, 10, 25, 1, 30));

        Assert.Equal(
            [
                "- Reported: 2026-10-25 01:30:00 BST (+0s)",
                "- Acknowledged: 2026-10-25 01:50:00 BST (+20m 0s)",
                "- Resolved: 2026-10-25 01:30:00 GMT (+1h 0m 0s)", // the wall clock did not move
            ],
            KeyMoments(history));
    }

    [Fact]
    public void The_timeline_shows_the_fall_back_with_the_abbreviation_that_tells_the_two_times_apart()
    {
        var history = History(Instant.FromUtc(2026, 10, 25, 0, 30), Instant.FromUtc(2026, 10, 25, 0, 50), Instant.FromUtc(2026, 10, 25, 1, 30));

        Assert.Equal(
            ["2026-10-25 01:30:00 BST", "2026-10-25 01:50:00 BST", "2026-10-25 01:30:00 GMT"],
            Timeline.Of(history, London).Rows.Select(r => r.LocalText));
    }

    [Fact]
    public void Key_durations_do_not_depend_on_the_zone()
    {
        var history = History(Instant.FromUtc(2026, 3, 28, 23, 40), Instant.FromUtc(2026, 3, 29, 0, 25), Instant.FromUtc(2026, 3, 29, 1, 10));

        var markdown = PostmortemWriter.Markdown(new PostmortemInput(history, [], London));

        Assert.Contains("| TTR, time to resolve | 1h 30m 0s | reported → resolved |", markdown, StringComparison.Ordinal);
        Assert.Contains("| TTA / TTE, time to acknowledge | 45m 0s | reported → acknowledged |", markdown, StringComparison.Ordinal);
    }
}
