using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Tests.Durable;

public class CommandContractSpecs
{
    [Fact]
    public void Every_command_type_has_a_stable_contract_name()
    {
        var kinds = typeof(C).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(C)));

        Assert.Equal(kinds.OrderBy(t => t.Name), IncidentContracts.Commands.Keys.OrderBy(t => t.Name));
        Assert.Equal(IncidentContracts.Commands.Count, IncidentContracts.Commands.Values.Distinct().Count());
    }

    [Fact]
    public void Commands_round_trip_through_the_json_an_external_event_carries()
    {
        C[] commands =
        [
            Declare(), new C.Acknowledge(Bob), new C.Escalate(), new C.Remind(), new C.MarkPostmortemReviewed(Alice),
            new C.AssignRole(IncidentRole.Lead, Bob, Alice), new C.RecordWarRoom("19:room", "inc-x", "https://teams.example/room"),
            new C.RecordPageDelivered(new PageRef(3, 0, 0, new IncidentFlows.Domain.OnCall.Responder("bob", "Bob", "schedule primary"))),
            new C.RecordPageUndeliverable(new PageRef(3, 0, 0, new IncidentFlows.Domain.OnCall.Responder("bob", "Bob", "schedule primary")), PageFailure.AppNotInstalled, "no chat"),
            new C.RecordEffectAbandoned("PostToWarRoom", 7, 6, "timed out"),
            new C.AddActionItem(new ActionItemDetails("Alert on error rate", Importance.High, Urgency.Medium, ActionItemSize.Days, ActionItemStatus.Backlog, Bob, Confidence.High, new NodaTime.LocalDate(2026, 12, 1)), Alice, "key-1"),
        ];

        foreach (var command in commands)
        {
            var json = IncidentJson.Serialize(command);
            Assert.Contains($"\"$type\":\"{IncidentContracts.Commands[command.GetType()]}\"", json, StringComparison.Ordinal);
            Assert.Equal(command, IncidentJson.Deserialize<C>(json));
        }
    }
}
