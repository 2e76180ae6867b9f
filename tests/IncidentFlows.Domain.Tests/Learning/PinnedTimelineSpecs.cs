using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>A pinned Teams message on the timeline: at the time it was posted, by its author, linked; gone once un-pinned.</summary>
public class PinnedTimelineSpecs
{
    private static readonly E.MessagePinned Pinned = new("msg-1", "p99 doubled", Carol)
    {
        At = Minutes(30),
        Author = Dan,
        PostedAt = Minutes(3),
        Link = "https://teams.example/msg-1",
    };

    [Fact]
    public void A_pinned_message_sits_at_the_time_it_was_posted_under_its_author()
    {
        var rows = Timeline.Of([.. PagedSev1(), new E.Acknowledged(Bob) { At = Minutes(5) }, Pinned], DateTimeZone.Utc).Rows;

        Assert.Equal(["declared", "escalation", "paged", "pinned", "acknowledged"], rows.Select(r => r.Kind));
        var pin = rows.Single(r => r.Pinned);
        Assert.Equal((Minutes(3), "Dan", "p99 doubled (https://teams.example/msg-1)", 5), (pin.At, pin.Who, pin.Text, pin.Sequence));
    }

    [Fact]
    public void An_unpinned_message_and_its_unpinning_are_not_on_the_timeline()
    {
        var rows = Timeline.Of([.. PagedSev1(), Pinned, new E.MessageUnpinned("msg-1", Carol) { At = Minutes(31) }], DateTimeZone.Utc).Rows;

        Assert.Equal(["declared", "escalation", "paged"], rows.Select(r => r.Kind));
    }

    [Fact]
    public void A_message_pinned_again_after_unpinning_is_shown_once()
    {
        var again = Pinned with { At = Minutes(40) };
        var rows = Timeline.Of([.. PagedSev1(), Pinned, new E.MessageUnpinned("msg-1", Carol) { At = Minutes(31) }, again], DateTimeZone.Utc).Rows;

        Assert.Single(rows, r => r.Pinned);
    }
}
