using IncidentFlows.App.Hosting;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentFlows.App.Durable;

/// <summary>The Durable Functions driver's share of the App layer; the Functions host calls it after AddIncidentFlows.</summary>
public static class DurableServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentFlowsDurable(this IServiceCollection services)
    {
        services.Configure<IncidentFlowsStartupOptions>(o => o.RequireTeamConfiguration = false);
        services.TryAddSingleton<IIncidentCommands, CommandsNeedTheDurableClient>();
        services.AddSingleton<IncidentActivities>();
        services.AddSingleton<DurableCommandsFactory>();
        services.AddSingleton<IncidentResumer>();
        return services;
    }
}

/// <summary>
/// In the Functions host a command must reach the incident's orchestration, which needs the Durable
/// client bound to the current invocation: a service that asks for commands without it gets this clear refusal.
/// </summary>
internal sealed class CommandsNeedTheDurableClient : IIncidentCommands
{
    public Task<CommandResult> HandleAsync(Domain.Incidents.IncidentId id, Domain.Incidents.IncidentCommand command, CancellationToken ct) =>
        throw new InvalidOperationException(
            $"In the Functions host, send commands through {nameof(DurableCommandsFactory)} with the invocation's [DurableClient].");
}

/// <summary>
/// Builds the command senders of one request around the Durable client that the Functions runtime
/// binds to that request (<c>[DurableClient]</c> is a binding, not a service).
/// </summary>
public sealed class DurableCommandsFactory(
    IncidentRepository incidents, IDeclarations declarations, ITeamContextSource team, TimeProvider clock, Platform.Telemetry.IncidentTelemetry telemetry)
{
    public IIncidentCommands Commands(IIncidentInstances instances) => new DurableIncidentCommands(incidents, team, clock, instances, telemetry);

    public IncidentDeclarations Declarations(IIncidentInstances instances) => new(declarations, Commands(instances), team, clock);
}
