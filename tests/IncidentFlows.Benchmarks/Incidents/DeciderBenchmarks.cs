using BenchmarkDotNet.Attributes;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using NodaTime;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Benchmarks.Incidents;

/// <summary>
/// Decide + evolve for ordinary commands (aim: over a million a second on one core) and folding a
/// 10,000-event history (aim: under 5 ms). Figures: docs/benchmarks/decider.md.
/// </summary>
[MemoryDiagnoser]
public class DeciderBenchmarks
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 21, 9, 0);
    private static readonly Person Bob = new("bob", "Bob");
    private Incident _incident = null!;
    private DecisionContext _context = null!;
    private List<IncidentEvent> _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = new DecisionContext(T0 + Duration.FromMinutes(5), SeverityPolicies.Default, new OneLevel());
        var declared = IncidentDecider.Decide(new C.Declare(new IncidentId("INC-1"), "Checkout failing", Severity.Sev1, Bob), null, _context with { Now = T0 });
        _incident = IncidentEvolution.Fold(declared.Events);

        _history = [.. declared.Events];
        for (var i = 0; _history.Count < 10_000; i++)
        {
            var at = T0 + Duration.FromSeconds(i);
            _history.Add(i % 2 == 0
                ? new E.NoteAdded($"note {i}", Bob, null) { At = at }
                : new E.UpdatePosted($"update {i}", Bob, at + Duration.FromMinutes(30), null) { At = at });
        }
    }

    [Benchmark]
    public Incident Acknowledge() => Apply(new C.Acknowledge(Bob));

    [Benchmark]
    public Incident PostUpdate() => Apply(new C.PostUpdate("Rolling back 4.2", Bob));

    [Benchmark]
    public Incident ChangeStatus() => Apply(new C.ChangeStatus(IncidentStatus.Identified, Bob));

    [Benchmark]
    public Incident Fold10000Events() => IncidentEvolution.Fold(_history);

    private Incident Apply(IncidentCommand command)
    {
        var state = _incident;
        foreach (var e in IncidentDecider.Decide(command, state, _context).Events)
        {
            state = IncidentEvolution.Evolve(state, e);
        }

        return state;
    }

    private sealed class OneLevel : IOnCallDirectory
    {
        private static readonly EscalationPlan Plan = new("p", [Duration.FromMinutes(10)], 0, 0);
        private static readonly Responder[] Primary = [new("bob", "Bob", "primary")];

        public EscalationPlan? PlanFor(string? service) => Plan;

        public IReadOnlyList<Responder> RespondersAt(string policyId, int level, Instant at) => Primary;
    }
}
