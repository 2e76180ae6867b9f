using IncidentFlows.App.Incidents;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall.Configuration;
using IncidentFlows.Testing;
using NodaTime;

namespace IncidentFlows.App.Tests.Durable;

/// <summary>The three-region sample team (samples/teams/follow-the-sun.json) and incidents it declares.</summary>
internal static class SampleTeam
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 10, 0);
    public static readonly IncidentId Id = new("INC-42");
    public static readonly Person Alice = new("alice", "Alice");
    public static readonly Person Bob = new("bob", "Bob");

    public static string Document { get; } = File.ReadAllText(Path.Combine(RepositoryRoot.Find().FullName, "samples", "teams", "follow-the-sun.json"));

    public static TeamContext Context { get; } = TeamContext.From(((TeamConfigurationResult.Valid)TeamConfigurationParser.Parse(Document)).Configuration);

    public static DecisionContext At(Instant now) => new(now, Context.Policies, Context.OnCall);

    public static TurnOutcome Take(IncidentCommand command, Incident? state, Instant at) => IncidentTurn.Take(command, state, At(at), Context.Effects);

    public static IncidentCommand.Declare Declare(Severity severity = Severity.Sev1) => new(Id, "Checkout failing", severity, Alice);

    /// <summary>An incident declared at <paramref name="at"/> and nothing since: paging, unacknowledged.</summary>
    public static Incident Declared(Instant at, Severity severity = Severity.Sev1) => Take(Declare(severity), null, at).State!;

    public static Incident Resolved(Instant at)
    {
        var declared = Declared(at - Duration.FromMinutes(30));
        return Take(new IncidentCommand.Resolve(Bob, "rolled back"), declared, at).State!;
    }
}
