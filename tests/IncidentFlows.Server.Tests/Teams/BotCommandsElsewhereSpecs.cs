using System.Collections.Concurrent;
using System.Text.Json;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests.Teams;

/// <summary>The Functions host answers the bot with commands that go to the incidents' orchestrations.</summary>
[Collection(SharedAzurite.Name)]
public sealed class BotCommandsElsewhereSpecs(AzuriteFixture azurite) : IAsyncLifetime
{
    private TeamsServer _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsServer.StartAsync(azurite.Server);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task A_bot_handler_built_for_other_commands_sends_its_commands_there()
    {
        await _teams.SendAsync(_teams.Recorded("personal-message"));
        var services = _teams.Host.Services;
        var sent = new Recording(services.GetRequiredService<IIncidentCommands>());
        var handler = BotEndpoint.ForCommands(services, sent, services.GetRequiredService<IncidentDeclarations>())!;
        var activity = _teams.Recorded("channel-mention", a => a["text"] = "<at>Test Bot</at> inc-1 ack").Deserialize<Activity>(BotJson.Options)!;

        await handler.HandleAsync(activity, CancellationToken.None);

        var (id, command) = Assert.Single(sent.Commands);
        Assert.Equal("INC-1", id.Value);
        Assert.IsType<IncidentCommand.Acknowledge>(command);
    }

    private sealed class Recording(IIncidentCommands inner) : IIncidentCommands
    {
        public ConcurrentQueue<(IncidentId Id, IncidentCommand Command)> Commands { get; } = new();

        public Task<CommandResult> HandleAsync(IncidentId id, IncidentCommand command, CancellationToken ct)
        {
            Commands.Enqueue((id, command));
            return inner.HandleAsync(id, command, ct);
        }
    }
}
