using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Testing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using static IncidentFlows.App.Tests.Durable.SampleTeam;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Tests.Durable;

public sealed class DurableIncidentCommandsSpecs : IDisposable
{
    private readonly Platform.Telemetry.TelemetryProbe _telemetry = new();
    private static readonly Instant Now = T0 + Duration.FromMinutes(5);
    private readonly IIncidentEventStore _store = Substitute.For<IIncidentEventStore>();
    private readonly IIncidentInstances _instances = Substitute.For<IIncidentInstances>();
    private readonly DurableIncidentCommands _commands;
    private readonly DurableIncidentCommands _waiting;

    public DurableIncidentCommandsSpecs()
    {
        var team = Substitute.For<ITeamContextSource>();
        team.Current.Returns(Context);
        _commands = new DurableIncidentCommands(new IncidentRepository(_store), team, new FakeTimeProvider(Now.ToDateTimeOffset()), _instances, _telemetry.Telemetry, commitWait: TimeSpan.Zero);
        _waiting = new DurableIncidentCommands(new IncidentRepository(_store), team, new FakeTimeProvider(Now.ToDateTimeOffset()), _instances, _telemetry.Telemetry, commitWait: TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _telemetry.Dispose();

    private void Stored(Incident state, long version) =>
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(new StoredSnapshot(version, IncidentJson.Serialize(state)));

    [Fact]
    public async Task A_refused_command_is_answered_at_once_and_never_reaches_an_orchestration()
    {
        var result = await _commands.HandleAsync(Id, new C.Acknowledge(Bob), CancellationToken.None);

        Assert.Equal("incident.not_found", result.Decision.Error?.Code);
        Assert.Empty(_instances.ReceivedCalls());
    }

    [Fact]
    public async Task The_answer_waits_for_the_orchestration_to_store_the_commands_events_and_is_the_stored_state()
    {
        var acknowledgedAndMore = Declared(T0) with { Title = "stored by the orchestration" };
        _store.LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(
            new StoredSnapshot(1, IncidentJson.Serialize(Declared(T0))),
            new StoredSnapshot(1, IncidentJson.Serialize(Declared(T0))),
            new StoredSnapshot(2, IncidentJson.Serialize(Declared(T0))),
            new StoredSnapshot(3, IncidentJson.Serialize(acknowledgedAndMore)));
        _store.LoadEventsAfterAsync(Id.Value, 1, Arg.Any<CancellationToken>()).Returns(
            new LoadedEvents(2, [new StoredEvent("UpdateReminderSent", 1, T0.ToDateTimeOffset(), "{}")]), // another turn came first
            new LoadedEvents(3, [new StoredEvent("UpdateReminderSent", 1, T0.ToDateTimeOffset(), "{}"), new StoredEvent("Acknowledged", 1, T0.ToDateTimeOffset(), "{}")]));
        _instances.IsRunningAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(true);

        var result = await _waiting.HandleAsync(Id, new C.Acknowledge(Bob), CancellationToken.None);

        Assert.Equal("stored by the orchestration", result.State!.Title);
        await _store.Received(4).LoadSnapshotAsync(Id.Value, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_command_for_a_running_incident_is_raised_as_the_IncidentCommand_event()
    {
        Stored(Declared(T0), 1);
        _instances.IsRunningAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(true);

        var result = await _commands.HandleAsync(Id, new C.Acknowledge(Bob), CancellationToken.None);

        await _instances.Received(1).RaiseCommandAsync(Id.Value, Arg.Is<string>(json => IncidentJson.Deserialize<C>(json) == new C.Acknowledge(Bob)), Arg.Any<CancellationToken>());
        await _instances.DidNotReceive().StartAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
        Assert.True(result.State!.IsAcknowledged);
    }

    [Fact]
    public async Task A_command_for_an_incident_without_a_running_instance_starts_one_from_the_stored_state()
    {
        var closed = Take(new C.Close(Bob), Resolved(T0), T0).State!;
        Stored(closed, 3);
        string? input = null;
        await _instances.StartAsync(Id.Value, Arg.Do<string>(json => input = json), Arg.Any<CancellationToken>());

        var result = await _commands.HandleAsync(Id, new C.Reopen(Alice, "errors are back"), CancellationToken.None);

        var flow = IncidentJson.Deserialize<IncidentFlowInput>(input!);
        Assert.Equal(closed, flow.State);
        Assert.Equal(3, flow.Version);
        Assert.Equal([new C.Reopen(Alice, "errors are back")], flow.Pending);
        Assert.True(result.State!.Status.IsOpen());
    }

    [Fact]
    public async Task A_command_raised_to_an_instance_that_ended_before_taking_it_starts_a_new_instance_with_it()
    {
        var closed = Take(new C.Close(Bob), Resolved(T0), T0).State!;
        Stored(closed, 3);
        _store.LoadEventsAfterAsync(Id.Value, 3, Arg.Any<CancellationToken>()).Returns(new LoadedEvents(3, []));
        _instances.IsRunningAsync(Id.Value, Arg.Any<CancellationToken>()).Returns(true, false); // the close's turn was ending
        string? input = null;
        await _instances.StartAsync(Id.Value, Arg.Do<string>(json => input = json), Arg.Any<CancellationToken>());
        var late = new C.AddActionItem(new ActionItemDetails("Alert on 5xx", Importance.High, Urgency.High, ActionItemSize.Hours), Bob);

        await _waiting.HandleAsync(Id, late, CancellationToken.None);

        await _instances.Received(1).RaiseCommandAsync(Id.Value, Arg.Any<string>(), Arg.Any<CancellationToken>());
        var flow = IncidentJson.Deserialize<IncidentFlowInput>(input!);
        Assert.Equal((closed, 3L), (flow.State, flow.Version));
        Assert.Equal([late], flow.Pending);
    }

    [Fact]
    public async Task Declaring_starts_the_incidents_instance_with_the_declare_command()
    {
        string? input = null;
        await _instances.StartAsync(Id.Value, Arg.Do<string>(json => input = json), Arg.Any<CancellationToken>());

        var result = await _commands.HandleAsync(Id, Declare(), CancellationToken.None);

        var flow = IncidentJson.Deserialize<IncidentFlowInput>(input!);
        Assert.Null(flow.State);
        Assert.Equal(0, flow.Version);
        Assert.Equal([Declare()], flow.Pending);
        Assert.Equal(Id, result.State!.Id);
    }
}

public class DurableRegistrationSpecs
{
    [Fact]
    public async Task In_the_Functions_host_a_command_sent_without_the_Durable_client_is_refused_with_a_reason()
    {
        var services = new ServiceCollection();

        services.AddIncidentFlowsDurable();
        var commands = services.BuildServiceProvider().GetRequiredService<IIncidentCommands>();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => commands.HandleAsync(Id, new C.Acknowledge(Bob), CancellationToken.None));
        Assert.Contains(nameof(DurableCommandsFactory), refusal.Message, StringComparison.Ordinal);
    }
}
