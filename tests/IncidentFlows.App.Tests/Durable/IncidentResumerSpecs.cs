using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Sweeps;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Options;
using NodaTime;
using NSubstitute;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Tests.Durable;

public class IncidentResumerSpecs
{
    private readonly IIncidentEventStore _store = Substitute.For<IIncidentEventStore>();
    private readonly IIncidentIndex _index = Substitute.For<IIncidentIndex>();
    private readonly IIncidentInstances _instances = Substitute.For<IIncidentInstances>();

    private IncidentResumer Resumer(params (Incident State, long Version)[] stored)
    {
        _index.ListByTeamAsync(Context.TeamId, Arg.Is<string?>(s => s == null), Arg.Any<int>(), Arg.Any<string?>(), Arg.Any<CancellationToken>())
            .Returns(new StoredPage<IncidentSummary>([.. stored.Select(s => IncidentSummaries.Of(s.State, Context.TeamId))], null));
        foreach (var (state, version) in stored)
        {
            _store.LoadSnapshotAsync(state.Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(version, IncidentJson.Serialize(state)));
        }

        return new IncidentResumer(new TeamIncidents(_index, new IncidentRepository(_store)), Options.Create(new IncidentFlowsOptions { Team = { Id = Context.TeamId } }));
    }

    private static Incident WithId(Incident state, string id) => state with { Id = new IncidentId(id) };

    [Fact]
    public async Task An_open_incident_without_a_running_instance_is_started_from_its_stored_state_to_wait_again()
    {
        var open = WithId(Declared(T0), "INC-1");
        string? input = null;
        await _instances.StartAsync("INC-1", Arg.Do<string>(json => input = json), Arg.Any<CancellationToken>());

        var resumed = await Resumer((open, 4)).ResumeAsync(_instances, CancellationToken.None);

        Assert.Equal(["INC-1"], resumed);
        var flow = IncidentJson.Deserialize<IncidentFlowInput>(input!);
        Assert.Equal((open, 4L), (flow.State!, flow.Version));
        Assert.Empty(flow.Pending);
    }

    [Fact]
    public async Task Running_closed_and_declined_incidents_are_left_alone()
    {
        var running = WithId(Declared(T0), "INC-1");
        var closed = WithId(Take(new C.Close(Bob), Resolved(T0), T0 + Duration.FromHours(1)).State!, "INC-2");
        var declined = WithId(Take(new C.ChangeStatus(IncidentStatus.Declined, Bob, "false alarm"), Declared(T0), T0).State!, "INC-3");
        Assert.Equal(IncidentStatus.Declined, declined.Status);
        _instances.IsRunningAsync("INC-1", Arg.Any<CancellationToken>()).Returns(true);

        var resumed = await Resumer((running, 2), (closed, 3), (declined, 2)).ResumeAsync(_instances, CancellationToken.None);

        Assert.Empty(resumed);
        await _instances.DidNotReceive().StartAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }
}
