using IncidentFlows.Domain.Learning;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>Links shared in the war room land on the timeline once, when they were shared; writers are participants, not news.</summary>
public class WarRoomLinkSpecs
{
    private const string Pr = "https://github.com/contoso/shop/pull/412";

    private static readonly C.ShareLink Share = new(Pr, "GitHub pull request", "contoso/shop#412", Dan) { PostedAt = Minutes(4), MessageRef = "msg-3" };

    [Fact]
    public void A_shared_link_is_recorded_at_the_time_it_was_posted()
    {
        Scenario.Given(PagedSev1()).At(Minutes(6)).When(Share)
            .Then(new E.LinkShared(Pr, "GitHub pull request", "contoso/shop#412", Dan) { At = Minutes(6), PostedAt = Minutes(4), MessageRef = "msg-3" });
    }

    [Fact]
    public void The_same_link_shared_again_changes_nothing()
    {
        var shared = new E.LinkShared(Pr, "GitHub pull request", "contoso/shop#412", Dan) { At = Minutes(6) };

        Scenario.Given([.. PagedSev1(), shared]).At(Minutes(9)).When(Share with { By = Carol }).ThenNothing();
    }

    [Fact]
    public void A_writer_is_recorded_once_and_is_a_participant_but_not_a_timeline_row()
    {
        var first = Scenario.Given(PagedSev1()).At(Minutes(5)).When(new C.NoteWarRoomWriter(Dan));
        first.Then(new E.WroteInWarRoom(Dan) { At = Minutes(5) });
        Scenario.Given([.. PagedSev1(), new E.WroteInWarRoom(Dan) { At = Minutes(5) }]).When(new C.NoteWarRoomWriter(Dan)).ThenNothing();

        var timeline = Timeline.Of([.. PagedSev1(), new E.WroteInWarRoom(Dan) { At = Minutes(5) }], NodaTime.DateTimeZone.Utc);
        Assert.DoesNotContain(timeline.Rows, r => r.Who == Dan.Name);
    }

    [Fact]
    public void A_shared_link_is_on_the_timeline_when_it_was_posted_with_its_kind_title_and_url()
    {
        var timeline = Timeline.Of([.. PagedSev1(), new E.LinkShared(Pr, "GitHub pull request", "contoso/shop#412", Dan) { At = Minutes(6), PostedAt = Minutes(4) }], NodaTime.DateTimeZone.Utc);

        var row = Assert.Single(timeline.Rows, r => r.Kind == "link");
        Assert.Equal((Minutes(4), "Shared a GitHub pull request: contoso/shop#412 (https://github.com/contoso/shop/pull/412)"), (row.At, row.Text));
    }
}
