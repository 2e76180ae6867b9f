using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

public class DeliveryTimelineSpecs
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 10, 0);
    private static readonly PageRef OliversPage = new(3, 0, 0, new Responder("oliver", "Oliver Hughes", "schedule follow-the-sun"));

    [Fact]
    public void A_delivered_page_names_the_person_and_the_level()
    {
        var entry = TimelineEntry.Of(new E.PageDelivered(OliversPage) { At = At });

        Assert.Equal(("page delivered", "Oliver Hughes", "Page reached Oliver Hughes in Teams (level 1, round 1)."), (entry.Kind, entry.Who, entry.Text));
    }

    [Fact]
    public void An_undeliverable_page_says_why_and_what_teams_answered()
    {
        var entry = TimelineEntry.Of(new E.PageUndeliverable(OliversPage, PageFailure.AppNotInstalled, "403 BotNotInConversationRoster") { At = At });

        Assert.Equal("page undeliverable", entry.Kind);
        Assert.Equal("Could not page Oliver Hughes (level 1, round 1): the app is not installed for them: 403 BotNotInConversationRoster", entry.Text);
    }

    [Fact]
    public void An_unreachable_level_says_escalation_did_not_wait()
    {
        var entry = TimelineEntry.Of(new E.LevelUnreachable(0, 0) { At = At });

        Assert.Equal("Nobody at level 1, round 1 could be reached; escalating now instead of waiting for the acknowledgement timeout.", entry.Text);
    }

    [Fact]
    public void An_abandoned_effect_is_named_as_a_person_would_say_it()
    {
        var entry = TimelineEntry.Of(new E.EffectAbandoned("PublishAnnouncement", 3, 3, "503 Service Unavailable") { At = At });

        Assert.Equal(("delivery failed", "Gave up on the announcement after 3 attempts: 503 Service Unavailable"), (entry.Kind, entry.Text));
    }

    [Fact]
    public void The_postmortem_timeline_lists_delivery_outcomes_like_any_other_event()
    {
        var history = Incidents.TestData.PagedSev1().Append(new E.PageUndeliverable(OliversPage, PageFailure.TimedOut, null) { At = At }).ToList();

        var timeline = Assert.IsType<TimelineResult.Rendered>(TimelineRenderer.Render(history, "UTC")).Timeline;

        Assert.Contains(timeline.Rows, r => r.Kind == "page undeliverable" && r.Text.EndsWith("Teams did not answer in time", StringComparison.Ordinal));
    }
}
