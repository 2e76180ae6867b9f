using IncidentFlows.Domain.Common;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Tests.Incidents;

/// <summary>The people, times and plan the incident specs share.</summary>
internal static class TestData
{
    public static readonly IncidentId Id = new("INC-42");
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 21, 9, 0);
    public static readonly Person Alice = new("alice", "Alice");
    public static readonly Person Bob = new("bob", "Bob");
    public static readonly Person Carol = new("carol", "Carol");
    public static readonly Person Dan = new("dan", "Dan");

    public static readonly Responder BobOnCall = new("bob", "Bob", "schedule primary");
    public static readonly Responder CarolOnCall = new("carol", "Carol", "schedule secondary");

    /// <summary>Two levels (10 and 15 minutes), one repeat from level 0.</summary>
    public static readonly EscalationPlan Plan = new("default", [Duration.FromMinutes(10), Duration.FromMinutes(15)], RepeatCount: 1, RepeatFromLevel: 0);

    public static SeverityPolicy PolicyOf(Severity severity) => SeverityPolicies.Default[severity];

    public static Instant Minutes(int minutes) => T0 + Duration.FromMinutes(minutes);

    public static IncidentCommand.Declare Declare(Severity severity = Severity.Sev1, IncidentKind kind = IncidentKind.Real) =>
        new(Id, "Checkout failing", severity, Alice, kind, Service: "checkout");

    public static E.Declared Declared(Severity severity = Severity.Sev1, IncidentKind kind = IncidentKind.Real) =>
        new(Id, "Checkout failing", severity, kind, Alice, "checkout", null, null, PolicyOf(severity), T0 + PolicyOf(severity).UpdateCadence) { At = T0 };

    public static E.EscalationStarted Started() => new(Plan) { At = T0 };

    public static E.Paged Paged(int level, int round, Instant at, Responder responder, Duration timeout) =>
        new(level, round, ValueList.From([responder]), at + timeout) { At = at };

    /// <summary>A SEV1 declared at T0 with Bob paged at level 0 (deadline T0+10m).</summary>
    public static IncidentEvent[] PagedSev1() =>
        [Declared(), Started(), Paged(0, 0, T0, BobOnCall, Duration.FromMinutes(10))];
}
