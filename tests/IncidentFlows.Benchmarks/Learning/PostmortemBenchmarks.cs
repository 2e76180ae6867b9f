using BenchmarkDotNet.Attributes;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Benchmarks.Learning;

/// <summary>
/// The postmortem of a 10,000-event incident (aim: under 100 ms), as Markdown and as HTML, and its
/// timeline for a viewer in Tokyo; 1,000 events for a long but ordinary incident. Figures:
/// docs/benchmarks/learning.md.
/// </summary>
[MemoryDiagnoser]
public class PostmortemBenchmarks
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 21, 9, 0);
    private static readonly Person[] People = [new("alice", "Alice"), new("bob", "Bob"), new("carol", "Carol"), new("dan", "Dan")];
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
    private PostmortemInput _input = null!;

    [Params(1_000, 10_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup() => _input = new PostmortemInput(LongIncident(Events), [new ServiceImpact("checkout", "Payments", "Card payments failed")], DateTimeZoneProviders.Tzdb["Europe/London"]);

    [Benchmark]
    public string Markdown() => PostmortemWriter.Markdown(_input);

    [Benchmark]
    public string Html() => PostmortemHtml.Render(_input);

    [Benchmark]
    public string HtmlThroughMarkdig() => PostmortemHtml.Render(PostmortemWriter.Markdown(_input));

    [Benchmark]
    public Timeline TimelineInTokyo() => Timeline.Of(_input.History, Tokyo);

    /// <summary>A long SEV1: paged, acknowledged, people joining, roles changing hands, a status every 500 events, updates, notes, pins and action items.</summary>
    internal static List<IncidentEvent> LongIncident(int count)
    {
        var policy = SeverityPolicies.Default[Severity.Sev1];
        var events = new List<IncidentEvent>
        {
            new E.Declared(new IncidentId("INC-1"), "Checkout failing", Severity.Sev1, IncidentKind.Real, People[0], "checkout", "Card payments failed.", T0 - Duration.FromMinutes(3), policy, T0 + policy.UpdateCadence) { At = T0 },
            new E.Acknowledged(People[1]) { At = T0 + Duration.FromMinutes(2) },
        };
        IncidentStatus[] statuses = [IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Monitoring];
        var status = IncidentStatus.Triage;
        var actionItems = 0;
        for (var i = 0; events.Count < count - 2; i++)
        {
            var at = T0 + Duration.FromSeconds(180 + (i * 7));
            var by = People[i % People.Length];
            events.Add((i % 500, i % 10) switch
            {
                (0, _) => new E.StatusChanged(status, status = statuses[(i / 500) % statuses.Length], by, "moving on") { At = at },
                (1, _) => new E.RoleAssigned(IncidentRole.Lead, by, People[0]) { At = at },
                (2, _) when actionItems < Limits.ActionItemsPerIncident => new E.ActionItemAdded(
                    ++actionItems, new ActionItemDetails($"Follow-up {actionItems}", Importance.High, Urgency.Medium, ActionItemSize.Days, Assignee: by), by, null) { At = at },
                (_, 0) => new E.MessagePinned($"msg-{i}", $"Graph {i}: error rate | latency", by) { At = at },
                (_, 1 or 2 or 3) => new E.UpdatePosted($"Update {i}: still *rolling back* the 4.2 deploy, error rate down to {i % 100}%", by, at + policy.UpdateCadence, null) { At = at },
                _ => new E.NoteAdded($"Note {i}: checked <pod-{i % 40}> logs; nothing new", by, null) { At = at },
            });
        }

        var end = events[^1].At;
        events.Add(new E.StatusChanged(status, IncidentStatus.Resolved, People[1], "Rolled back") { At = end + Duration.FromMinutes(1) });
        events.Add(new E.StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, People[1], null) { At = end + Duration.FromHours(1) });
        return events;
    }
}
