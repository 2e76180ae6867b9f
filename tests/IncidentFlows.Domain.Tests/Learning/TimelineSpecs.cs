using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

public class TimelineSpecs
{
    private static Timeline Render(string zone) =>
        Assert.IsType<TimelineResult.Rendered>(TimelineRenderer.Render(ModelLoadingIncident.History(), zone)).Timeline;

    [Fact]
    public void Every_event_is_a_row_with_its_utc_instant_in_order()
    {
        var timeline = Render("UTC");

        var shown = Shown().ToList();

        Assert.Equal(shown.Select(x => x.At), timeline.Rows.Select(r => r.At));
        Assert.Equal(shown.Select(x => x.Sequence), timeline.Rows.Select(r => r.Sequence));
    }

    [Fact]
    public void A_viewer_in_tokyo_reads_tokyo_wall_clock_times()
    {
        var identified = Render("Asia/Tokyo").Rows.Single(r => r.Text.StartsWith("investigating → identified", StringComparison.Ordinal));

        Assert.Equal(Instant.FromUtc(2022, 2, 2, 6, 16, 56), identified.At);
        Assert.Equal("2022-02-02 15:16:56 JST", identified.LocalText);
        Assert.Equal(new LocalDateTime(2022, 2, 2, 15, 16, 56), identified.Local.LocalDateTime);
        Assert.Equal(("status", "Bob"), (identified.Kind, identified.Who));
    }

    [Fact]
    public void Pinned_messages_are_marked_and_nothing_else_is()
    {
        var pinned = Assert.Single(Render("UTC").Rows, r => r.Pinned);

        Assert.Equal("Stack trace: NPE in ModelLoader.load()", pinned.Text);
        Assert.Contains("| 2022-02-02 06:11:04 UTC | pinned | Carol | 📌 Stack trace: NPE in ModelLoader.load() |", Render("UTC").ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_table_names_the_zone_and_keeps_peoples_text_from_breaking_it()
    {
        var markdown = Render("UTC").ToMarkdown();

        Assert.StartsWith("| Time (UTC) | Event | Who | What |\n|---|---|---|---|\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2022-02-02 06:06:04 UTC | update | Bob | Rolling back model-serving 4.2 \\| not helping yet |", markdown, StringComparison.Ordinal);
        Assert.Equal(Shown().Count() + 2, markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>
    /// The events the timeline shows, numbered in history order and ordered by when they happened: a shared link when it was
    /// posted; who wrote in or looked on from the war room is for the postmortem's team, not a row.
    /// </summary>
    private static IEnumerable<(int Sequence, Instant At)> Shown() =>
        ModelLoadingIncident.History()
            .Select((e, i) => (Sequence: i + 1, Event: e))
            .Where(x => x.Event is not (IncidentFlows.Domain.Incidents.IncidentEvent.WroteInWarRoom or IncidentFlows.Domain.Incidents.IncidentEvent.WarRoomMembersRecorded))
            .Select(x => (x.Sequence, At: x.Event is IncidentFlows.Domain.Incidents.IncidentEvent.LinkShared { PostedAt: { } posted } ? posted : x.Event.At))
            .OrderBy(x => x.At);

    [Fact]
    public void Outside_utc_the_markdown_table_shows_utc_as_well()
    {
        var markdown = Render("America/New_York").ToMarkdown();

        Assert.StartsWith("| Time (America/New_York) | UTC | Event | Who | What |\n|---|---|---|---|---|\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2022-02-02 01:16:56 EST | 2022-02-02 06:16:56 UTC | status | Bob | investigating → identified: Config for the new model format is missing |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_zone_is_refused_with_an_error_value()
    {
        var refused = Assert.IsType<TimelineResult.Refused>(TimelineRenderer.Render(ModelLoadingIncident.History(), "Mars/Olympus_Mons"));

        Assert.Equal("tz", refused.Error.Field);
    }

    [Fact]
    public void Rows_name_who_did_what()
    {
        var rows = Render("UTC").Rows;

        Assert.Equal(
            [
                ("declared", "Alice", "Declared SEV2 on model-serving: NullPointerException when loading a model"),
                ("escalation", null, "Escalation started with policy ml-platform (1 level)."),
                ("paged", "Bob", "Paged at level 1, round 1: Bob (schedule ml-primary)."),
            ],
            rows.Take(3).Select(r => (r.Kind, r.Who, r.Text)));
    }

    [Fact]
    public void A_drill_is_marked_as_one_where_it_is_declared()
    {
        var drill = new E.Declared(new IncidentId("INC-8"), "Office cat up a tree", Severity.Sev4, IncidentKind.Drill, ModelLoadingIncident.Alice,
            null, null, null, SeverityPolicies.Default[Severity.Sev4], ModelLoadingIncident.Reported) { At = ModelLoadingIncident.Reported };

        Assert.Equal("Declared SEV4 (drill): Office cat up a tree", Timeline.Of([drill], DateTimeZone.Utc).Rows[0].Text);
    }
}
