using IncidentFlows.App.Durable;
using IncidentFlows.App.Effects;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Tests.Platform.Telemetry;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Tests.Durable;

public sealed class IncidentActivitiesSpecs : IDisposable
{
    private readonly IIncidentEventStore _store = Substitute.For<IIncidentEventStore>();
    private readonly IIncidentIndex _index = Substitute.For<IIncidentIndex>();
    private readonly IOnCallDocuments _documents = Substitute.For<IOnCallDocuments>();
    private readonly IEffectRunner _runner = Substitute.For<IEffectRunner>();
    private readonly FakeTimeProvider _clock = new(T0.ToDateTimeOffset());
    private readonly TelemetryProbe _telemetry = new();
    private readonly Microsoft.Extensions.Logging.Testing.FakeLogger<IncidentStory> _story = new();
    private readonly IncidentActivities _activities;

    public IncidentActivitiesSpecs()
    {
        var options = Options.Create(new IncidentFlowsOptions { Team = { Id = Context.TeamId } });
        _activities = new IncidentActivities(_store, _index, _documents, new IncidentRepository(_store), _runner, options, _telemetry.Telemetry, new IncidentStory(_story), _clock);
    }

    public void Dispose() => _telemetry.Dispose();

    private static string Commit(long sequence)
    {
        var turn = Take(Declare(), null, T0);
        return IncidentJson.Serialize(new CommitRequest(Id, sequence, turn.Decision.Events, turn.State!));
    }

    [Fact]
    public async Task Persisting_commit_N_appends_its_events_and_snapshot_after_N_minus_1_and_indexes_the_incident()
    {
        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);

        await _store.Received(1).AppendAsync(Id.Value, 0, Arg.Is<NewCommit>(c => c.Events.Count > 0 && c.Events[0].Type == "Declared"), Arg.Any<CancellationToken>());
        await _index.Received(1).UpsertAsync(Arg.Is<IncidentSummary>(s => s.Id == Id.Value && s.Team == Context.TeamId), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_stored_commit_is_told_in_the_log_a_line_per_event_naming_who_was_paged_at_which_level_and_round()
    {
        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);

        var lines = _story.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(lines, l => l.StartsWith($"{Id.Value} declared · ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{Id.Value} paged · ", StringComparison.Ordinal) && l.Contains("Paged at level 1, round 1: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "[0-9a-f]{8}-[0-9a-f]{4}-")); // names, never object ids
    }

    [Fact]
    public async Task A_commit_an_earlier_attempt_stored_is_not_told_twice()
    {
        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);
        var told = _story.Collector.Count;
        _store.AppendAsync(Id.Value, 0, Arg.Any<NewCommit>(), Arg.Any<CancellationToken>()).ThrowsAsync(new ConcurrencyConflictException(Id.Value, 0, new InvalidOperationException("409")));
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(1, "{}"));

        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);

        Assert.Equal(told, _story.Collector.Count);
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
    public async Task Persisting_a_declare_counts_one_declared_incident_and_a_retry_of_the_stored_commit_counts_none()
    {
        using var declared = _telemetry.Collect<long>(TelemetryNames.IncidentsDeclared);
        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);
        _store.AppendAsync(Id.Value, 0, Arg.Any<NewCommit>(), Arg.Any<CancellationToken>()).ThrowsAsync(new ConcurrencyConflictException(Id.Value, 0, new InvalidOperationException("409")));
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(1, "{}"));

        await _activities.PersistCommitAsync(Commit(1), CancellationToken.None);

        var counted = Assert.Single(declared.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal("sev1", counted.Tags[TelemetryNames.Tags.Severity]);
        Assert.Equal(Context.TeamId, counted.Tags[TelemetryNames.Tags.Team]);
    }

    [Fact]
    public async Task Running_a_page_counts_it_sent_and_records_the_seconds_since_it_was_decided()
    {
        var declare = Take(Declare(), null, T0);
        var page = Assert.Single(declare.Effects.OfType<X.Page>());
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(1, IncidentJson.Serialize(declare.State!)));
        using var sent = _telemetry.Collect<long>(TelemetryNames.PagesSent);
        using var latency = _telemetry.Collect<double>(TelemetryNames.PageLatency);
        _clock.Advance(TimeSpan.FromSeconds(42));

        await _activities.RunEffectAsync(IncidentJson.Serialize(new EffectRequest(Id, page)), CancellationToken.None);

        Assert.Equal(1, Assert.Single(sent.GetMeasurementSnapshot()).Value);
        var recorded = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.Equal(42, recorded.Value);
        Assert.Equal(1, recorded.Tags[TelemetryNames.Tags.Level]);
    }

    [Fact]
    public async Task A_page_that_fails_to_run_counts_nothing_so_its_retry_is_counted_once()
    {
        var declare = Take(Declare(), null, T0);
        var page = Assert.Single(declare.Effects.OfType<X.Page>());
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(1, IncidentJson.Serialize(declare.State!)));
        _runner.RunAsync(page, Arg.Any<Incident>(), Arg.Any<CancellationToken>()).ThrowsAsync(new HttpRequestException("Teams is down"));
        using var sent = _telemetry.Collect<long>(TelemetryNames.PagesSent);

        await Assert.ThrowsAsync<HttpRequestException>(() => _activities.RunEffectAsync(IncidentJson.Serialize(new EffectRequest(Id, page)), CancellationToken.None));

        Assert.Empty(sent.GetMeasurementSnapshot());
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
