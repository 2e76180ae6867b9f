using IncidentFlows.App.Durable;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Tests.Durable;

public class IncidentActivitiesSpecs
{
    private readonly IIncidentEventStore _store = Substitute.For<IIncidentEventStore>();
    private readonly IIncidentIndex _index = Substitute.For<IIncidentIndex>();
    private readonly IOnCallDocuments _documents = Substitute.For<IOnCallDocuments>();
    private readonly IEffectRunner _runner = Substitute.For<IEffectRunner>();
    private readonly IncidentActivities _activities;

    public IncidentActivitiesSpecs()
    {
        var options = Options.Create(new IncidentFlowsOptions { Team = { Id = Context.TeamId } });
        _activities = new IncidentActivities(_store, _index, _documents, new IncidentRepository(_store), _runner, options);
    }

    private static string Commit(long sequence)
    {
        var turn = Take(Declare(), null, T0);
        return IncidentJson.Serialize(new CommitRequest(Id, sequence, turn.Decision.Events, turn.State!));
    }

    [Fact]
    public async Task Persisting_commit_N_appends_its_events_and_snapshot_after_N_minus_1_and_indexes_the_incident()
    {
        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);

        await _store.Received(1).AppendAsync(Id.Value, 0, Arg.Is<NewCommit>(c => c.Events.Count > 0 && c.Events[0].Type == "Declared" && c.Outbox.Count == 0), Arg.Any<CancellationToken>());
        await _index.Received(1).UpsertAsync(Arg.Is<IncidentSummary>(s => s.Id == Id.Value && s.Team == Context.TeamId), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Persisting_a_commit_that_an_earlier_attempt_stored_is_harmless()
    {
        _store.AppendAsync(Id.Value, 0, Arg.Any<NewCommit>(), Arg.Any<CancellationToken>()).ThrowsAsync(new ConcurrencyConflictException(Id.Value, 0, new InvalidOperationException("409")));
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(1, "{}"));

        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);

        await _index.Received(1).UpsertAsync(Arg.Any<IncidentSummary>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Persisting_a_commit_after_a_gap_fails_so_the_activity_is_retried()
    {
        _store.AppendAsync(Id.Value, 4, Arg.Any<NewCommit>(), Arg.Any<CancellationToken>()).ThrowsAsync(new ConcurrencyConflictException(Id.Value, 4, new InvalidOperationException("404")));
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(3, "{}"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _activities.PersistCommitAsync(Commit(5), CancellationToken.None));
        await _index.DidNotReceive().UpsertAsync(Arg.Any<IncidentSummary>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Running_an_effect_gives_its_result_as_a_command()
    {
        var state = Declared(T0);
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(1, IncidentJson.Serialize(state)));
        var open = new X.OpenWarRoom("Checkout failing", T0) { Incident = Id };
        _runner.RunAsync(open, state, Arg.Any<CancellationToken>()).Returns(new C.RecordWarRoom("19:room", "inc-x", null));

        var result = await _activities.RunEffectAsync(IncidentJson.Serialize(new EffectRequest(Id, open)), CancellationToken.None);

        Assert.Equal(new C.RecordWarRoom("19:room", "inc-x", null), IncidentJson.Deserialize<C>(result!));
    }

    [Fact]
    public async Task The_team_configuration_is_read_from_storage_on_every_call()
    {
        _documents.LoadAsync(Context.TeamId, Arg.Any<CancellationToken>()).Returns("first", "second");

        Assert.Equal("first", await _activities.LoadTeamConfigurationAsync(CancellationToken.None));
        Assert.Equal("second", await _activities.LoadTeamConfigurationAsync(CancellationToken.None));
    }
}
