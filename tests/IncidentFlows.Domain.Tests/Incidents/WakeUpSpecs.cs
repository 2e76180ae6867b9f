using IncidentFlows.Domain.Incidents;
using static IncidentFlows.Domain.Tests.Incidents.TestData;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

public class WakeUpSpecs
{
    [Fact]
    public void An_unacknowledged_incident_wakes_up_at_its_ack_deadline()
    {
        Assert.Equal(new WakeUp(Minutes(10), new C.Escalate()), WakeUps.Next(IncidentEvolution.Fold(PagedSev1())));
    }

    [Fact]
    public void An_acknowledged_incident_wakes_up_for_its_next_status_update()
    {
        var incident = IncidentEvolution.Fold([.. PagedSev1(), new E.Acknowledged(Bob) { At = Minutes(3) }]);

        Assert.Equal(new WakeUp(Minutes(30), new C.Remind()), WakeUps.Next(incident));
    }

    [Fact]
    public void An_exhausted_escalation_still_wakes_up_for_reminders()
    {
        var incident = IncidentEvolution.Fold([.. PagedSev1(), new E.EscalationExhausted(1) { At = Minutes(10) }]);

        Assert.Equal(new WakeUp(Minutes(30), new C.Remind()), WakeUps.Next(incident));
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Declined)]
    public void A_finished_incident_needs_no_timer(IncidentStatus status)
    {
        var incident = IncidentEvolution.Fold([.. PagedSev1(), new E.StatusChanged(IncidentStatus.Triage, status, Bob, null) { At = Minutes(3) }]);

        Assert.Null(WakeUps.Next(incident));
    }
}
