using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Sweeps;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using IncidentFlows.Domain.OnCall;
using Microsoft.Extensions.Options;
using NodaTime;
using NSubstitute;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Tests.Sweeps;

public class SweepSpecs
{
    private readonly IIncidentEventStore _store = Substitute.For<IIncidentEventStore>();
    private readonly IIncidentIndex _index = Substitute.For<IIncidentIndex>();
    private readonly IOnCallDocuments _documents = Substitute.For<IOnCallDocuments>();
    private readonly ISweepNotices _notices = Substitute.For<ISweepNotices>();
    private readonly TeamConfigurations _teams;
    private readonly TeamIncidents _incidents;

    private static IOptions<IncidentFlowsOptions> Team => Options.Create(new IncidentFlowsOptions { Team = { Id = Context.TeamId } });

    public SweepSpecs()
    {
        _documents.LoadAsync(Context.TeamId, Arg.Any<CancellationToken>()).Returns(Document);
        _teams = new TeamConfigurations(_documents);
        _incidents = new TeamIncidents(_index, new IncidentRepository(_store));
    }

    private void Given(params Incident[] incidents)
    {
        _index.ListByTeamAsync(Context.TeamId, Arg.Is<string?>(s => s == null), Arg.Any<int>(), Arg.Any<string?>(), Arg.Any<CancellationToken>())
            .Returns(new StoredPage<IncidentSummary>([.. incidents.Select(i => IncidentSummaries.Of(i, Context.TeamId))], null));
        foreach (var incident in incidents)
        {
            _store.LoadSnapshotAsync(incident.Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(1, IncidentJson.Serialize(incident)));
        }
    }

    [Fact]
    public async Task Sweeps_send_nothing_before_the_teams_configuration_is_stored()
    {
        _documents.LoadAsync(Context.TeamId, Arg.Any<CancellationToken>()).Returns((string?)null);
        Given(Declared(T0 - Duration.FromDays(2)));

        Assert.Equal(0, await new HandoffDigestSweep(_teams, _incidents, _notices, Team).RunAsync(new Interval(T0 - Duration.FromDays(1), T0), CancellationToken.None));
        Assert.Equal(0, await new OverdueActionItemSweep(_teams, _incidents, _notices, Team).RunAsync(T0, CancellationToken.None));
        Assert.Empty(_notices.ReceivedCalls());
    }

    [Fact]
    public void Handoff_windows_are_whole_ticks_ending_at_the_tick_so_consecutive_ticks_neither_gap_nor_overlap()
    {
        var tick = Instant.FromUtc(2026, 11, 23, 10, 15, 2);

        var window = HandoffDigestSweep.WindowEndingAt(tick);
        var next = HandoffDigestSweep.WindowEndingAt(tick + HandoffDigestSweep.Tick);

        Assert.Equal(new Interval(Instant.FromUtc(2026, 11, 23, 10, 0), Instant.FromUtc(2026, 11, 23, 10, 15)), window);
        Assert.Equal(window.End, next.Start);
    }

    [Fact]
    public async Task Every_handoff_in_the_window_gets_a_digest_of_the_open_incidents_it_hands_over()
    {
        var open = Declared(T0 - Duration.FromDays(2));
        var resolved = Take(new C.Resolve(Bob), Declared(T0 - Duration.FromDays(2)) with { Id = new IncidentId("INC-7") }, T0 - Duration.FromDays(1)).State!;
        Given(open, resolved);
        var sent = new List<HandoffDigestEntry>();
        await _notices.SendHandoffDigestAsync(Arg.Do<HandoffDigestEntry>(sent.Add), Arg.Any<CancellationToken>());

        var count = await new HandoffDigestSweep(_teams, _incidents, _notices, Team).RunAsync(new Interval(T0 - Duration.FromDays(1), T0), CancellationToken.None);

        Assert.NotEmpty(sent);
        Assert.Equal(sent.Count, count);
        Assert.All(sent, entry => Assert.Equal([Id.Value], entry.Inherited.Select(i => i.IncidentId)));
    }

    [Fact]
    public async Task Overdue_action_items_are_reminded_most_overdue_first()
    {
        ActionItemDetails Due(string title, LocalDate due) => new(title, Importance.High, Urgency.High, ActionItemSize.Days, ActionItemStatus.Backlog, Bob, Confidence.High, due);
        var state = Declared(T0 - Duration.FromDays(10));
        state = Take(new C.AddActionItem(Due("Alert on error rate", new LocalDate(2026, 11, 21)), Alice, "a"), state, T0 - Duration.FromDays(9)).State!;
        state = Take(new C.AddActionItem(Due("Runbook for rollbacks", new LocalDate(2026, 11, 18)), Alice, "b"), state, T0 - Duration.FromDays(9)).State!;
        state = Take(new C.AddActionItem(Due("Load test checkout", new LocalDate(2026, 12, 18)), Alice, "c"), state, T0 - Duration.FromDays(9)).State!;
        Given(state);
        var reminded = new List<OverdueActionItem>();
        await _notices.RemindOverdueAsync(Arg.Do<OverdueActionItem>(reminded.Add), Arg.Any<CancellationToken>());

        var count = await new OverdueActionItemSweep(_teams, _incidents, _notices, Team).RunAsync(T0, CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal(["Runbook for rollbacks", "Alert on error rate"], reminded.Select(r => r.Item.Details.Title));
    }
}
