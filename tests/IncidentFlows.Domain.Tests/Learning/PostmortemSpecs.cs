using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

public class PostmortemSpecs
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 21, 9, 0);

    private static E.Declared Declared(string title, Instant? detectedAt = null, IncidentKind kind = IncidentKind.Real) =>
        new(new IncidentId("INC-10"), title, Severity.Sev3, kind, ModelLoadingIncident.Alice, null, null, detectedAt, SeverityPolicies.Default[Severity.Sev3], T0 + Duration.FromHours(4)) { At = T0 };

    [Fact]
    public void Ttd_is_shown_only_when_the_declare_carried_a_detection_time()
    {
        var withDetection = PostmortemWriter.Markdown(new PostmortemInput([Declared("Slow search", T0 - Duration.FromMinutes(7))]));
        var without = PostmortemWriter.Markdown(new PostmortemInput([Declared("Slow search")]));

        Assert.Contains("| TTD, time to declare | 7m 0s | detected → reported |", withDetection, StringComparison.Ordinal);
        Assert.DoesNotContain("TTD", without, StringComparison.Ordinal);
        Assert.DoesNotContain("- Detected:", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_moments_not_reached_say_so()
    {
        var markdown = PostmortemWriter.Markdown(new PostmortemInput([Declared("Slow search")]));

        Assert.Contains("- Acknowledged: not reached\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| TTR, time to resolve | not reached | reported → resolved |", markdown, StringComparison.Ordinal);
        Assert.Contains("- Lead: none assigned\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_blameless_sections_are_there_for_people_to_fill_in()
    {
        var markdown = PostmortemWriter.Markdown(new PostmortemInput(ModelLoadingIncident.History()));
        var headings = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal));

        Assert.Equal(
            ["## Key information", "## Summary", "## Impact", "## Key times", "## What happened", "## What went well", "## What went wrong", "## Where we got lucky", "## Action items"],
            headings);
    }

    [Fact]
    public void A_drill_says_it_is_one_and_that_it_does_not_count()
    {
        var markdown = PostmortemWriter.Markdown(new PostmortemInput([Declared("Office cat up a tree", kind: IncidentKind.Drill)]));

        Assert.Contains("- Kind: drill (excluded from metrics)\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Peoples_text_cannot_inject_markup_into_the_html()
    {
        var markdown = PostmortemWriter.Markdown(new PostmortemInput([Declared("<script>alert('x')</script> [click](javascript:alert(1))")]));

        var html = PostmortemHtml.Render(markdown);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_has_the_headings_and_tables_of_the_markdown()
    {
        var html = PostmortemHtml.Render(PostmortemWriter.Markdown(new PostmortemInput(ModelLoadingIncident.History())));

        Assert.Contains("<h1>Postmortem: INC-7 — NullPointerException when loading a model</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Identified: 2022-02-02 06:16:56 UTC (+30m 52s)</li>", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<table>").Length - 1); // roles, key times, timeline, action items
        Assert.Contains("<td>Rolling back model-serving 4.2 | not helping yet</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_that_does_not_start_with_a_declare_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => PostmortemWriter.Markdown(new PostmortemInput([])));
    }

    [Fact]
    public void The_fast_html_is_byte_for_byte_the_html_of_the_markdown()
    {
        var tricky = new PostmortemInput([Declared("<b>\"quotes\"</b> & 'apostrophes' | pipes  and   spaces 📌")]);
        foreach (var input in new[] { new PostmortemInput(ModelLoadingIncident.History()), tricky, tricky with { Zone = NodaTime.DateTimeZoneProviders.Tzdb["Asia/Tokyo"] } })
        {
            Assert.Equal(PostmortemHtml.Render(PostmortemWriter.Markdown(input)), PostmortemHtml.Render(input));
        }
    }
}
