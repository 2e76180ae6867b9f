using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall.Configuration;
using IncidentFlows.Testing;
using NodaTime;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>Incidents of the three-region sample team (samples/teams/follow-the-sun.json) and the inputs that start their orchestrations.</summary>
internal static class SampleIncident
{
    public static readonly Person Alice = new("alice", "Alice");
    public static readonly Person Bob = new("bob", "Bob");

    public static string TeamDocument { get; } = File.ReadAllText(Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json"));

    public static TeamContext Team { get; } = TeamContext.From(((TeamConfigurationResult.Valid)TeamConfigurationParser.Parse(TeamDocument)).Configuration);

    public static IncidentCommand.Declare Declare(IncidentId id) => new(id, "Checkout failing", Severity.Sev1, Alice);

    /// <summary>A new instance's input: no state yet, the declaration pending.</summary>
    public static string Declaration(IncidentId id) => Input(new IncidentFlowInput(id, null, 0, [Declare(id)]));

    /// <summary>An incident declared at <paramref name="at"/> and nothing since (commit 1): paging, unacknowledged.</summary>
    public static Incident Declared(IncidentId id, Instant at) =>
        IncidentTurn.Take(Declare(id), null, new DecisionContext(at, Team.Policies, Team.OnCall), Team.Effects).State!;

    /// <summary>An incident whose acknowledgement deadline falls at <paramref name="deadline"/>.</summary>
    public static Incident AckDeadlineAt(IncidentId id, Instant deadline)
    {
        var probe = Instant.FromUtc(2026, 1, 1, 0, 0);
        var untilDeadline = WakeUps.Next(Declared(id, probe))!.At - probe;
        return Declared(id, deadline - untilDeadline);
    }

    /// <summary>A running instance's input after commit 1 of <paramref name="state"/>, waiting for its next command.</summary>
    public static string Waiting(Incident state) => Input(new IncidentFlowInput(state.Id, state, 1, []));

    public static string Command(IncidentCommand command) => IncidentJson.Serialize(command);

    private static string Input(IncidentFlowInput input) => IncidentJson.Serialize(input);
}
