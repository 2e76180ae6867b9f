using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class CommunicationSpecs
{
    [Fact]
    public void Posting_an_update_restarts_the_cadence()
    {
        Scenario.Given(PagedSev1()).At(Minutes(20)).When(new C.PostUpdate("Rolling back 4.2", Bob))
            .Then(new E.UpdatePosted("Rolling back 4.2", Bob, Minutes(50), null) { At = Minutes(20) });
    }

    [Fact]
    public void The_same_update_delivered_twice_with_its_key_is_recorded_once()
    {
        Scenario.Given([.. PagedSev1(), new E.UpdatePosted("Rolling back", Bob, Minutes(50), "activity-7") { At = Minutes(20) }])
            .At(Minutes(21)).When(new C.PostUpdate("Rolling back", Bob, "activity-7")).ThenNothing();
    }

    [Fact]
    public void The_same_words_posted_again_later_are_a_new_update()
    {
        Scenario.Given([.. PagedSev1(), new E.UpdatePosted("No change", Bob, Minutes(50), "activity-7") { At = Minutes(20) }])
            .At(Minutes(50)).When(new C.PostUpdate("No change", Bob, "activity-9"))
            .Then(new E.UpdatePosted("No change", Bob, Minutes(80), "activity-9") { At = Minutes(50) });
    }

    [Fact]
    public void An_empty_update_is_refused()
    {
        Scenario.Given(PagedSev1()).When(new C.PostUpdate(" ", Bob)).ThenInvalid("text");
    }

    [Fact]
    public void When_the_cadence_lapses_the_reporter_is_reminded_while_there_is_no_lead()
    {
        Scenario.Given(PagedSev1()).At(Minutes(30)).When(new C.Remind())
            .Then(new E.UpdateReminderSent(Alice, Minutes(30), Minutes(60)) { At = Minutes(30) });
    }

    [Fact]
    public void When_the_cadence_lapses_the_lead_is_reminded()
    {
        Scenario.Given([.. PagedSev1(), new E.RoleAssigned(IncidentRole.Lead, Bob, Alice) { At = Minutes(2) }]).At(Minutes(31)).When(new C.Remind())
            .Then(new E.UpdateReminderSent(Bob, Minutes(30), Minutes(61)) { At = Minutes(31) });
    }

    [Fact]
    public void No_reminder_while_updates_are_on_time()
    {
        Scenario.Given([.. PagedSev1(), new E.UpdatePosted("Rolling back", Bob, Minutes(50), null) { At = Minutes(20) }])
            .At(Minutes(30)).When(new C.Remind()).ThenNothing();
    }

    [Fact]
    public void No_reminder_once_resolved()
    {
        Scenario.Given([.. PagedSev1(), new E.StatusChanged(IncidentStatus.Triage, IncidentStatus.Resolved, Bob, null) { At = Minutes(10) }])
            .At(Minutes(30)).When(new C.Remind()).ThenNothing();
    }

    [Fact]
    public void Notes_are_recorded_once_per_delivery()
    {
        Scenario.Given(PagedSev1()).At(Minutes(6)).When(new C.AddNote("db cpu at 100%", Carol, "m1"))
            .Then(new E.NoteAdded("db cpu at 100%", Carol, "m1") { At = Minutes(6) });
        Scenario.Given([.. PagedSev1(), new E.NoteAdded("db cpu at 100%", Carol, "m1") { At = Minutes(6) }])
            .When(new C.AddNote("db cpu at 100%", Carol, "m1")).ThenNothing();
    }

    [Fact]
    public void Pinning_a_message_twice_is_harmless()
    {
        Scenario.Given(PagedSev1()).At(Minutes(7)).When(new C.PinMessage("msg-1", "the graph", Carol))
            .Then(new E.MessagePinned("msg-1", "the graph", Carol) { At = Minutes(7) });
        Scenario.Given([.. PagedSev1(), new E.MessagePinned("msg-1", "the graph", Carol) { At = Minutes(7) }])
            .When(new C.PinMessage("msg-1", "the graph", Carol)).ThenNothing();
    }

    [Fact]
    public void The_first_war_room_reported_wins()
    {
        Scenario.Given(PagedSev1()).When(new C.RecordWarRoom("19:abc@thread.tacv2", "inc-2026-11-21-checkout-failing", null))
            .Then(new E.WarRoomRecorded("19:abc@thread.tacv2", "inc-2026-11-21-checkout-failing", null) { At = T0 });
        Scenario.Given([.. PagedSev1(), new E.WarRoomRecorded("19:abc@thread.tacv2", "inc-2026-11-21-checkout-failing", null) { At = T0 }])
            .When(new C.RecordWarRoom("19:other@thread.tacv2", "inc-2026-11-21-checkout-failing-2", null)).ThenNothing();
    }

    [Fact]
    public void The_announcement_is_recorded_once_so_it_can_be_updated_in_place()
    {
        var outcome = Scenario.Given(PagedSev1()).When(new C.RecordAnnouncement("1795265644738"));

        outcome.Then(new E.AnnouncementRecorded("1795265644738") { At = T0 });
        Assert.Equal("1795265644738", outcome.After.AnnouncementRef);
    }
}
