using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Incidents;

/// <summary>
/// Declaring: validate before taking a number, honour the idempotency key (an HTTP Idempotency-Key
/// or an alert's dedupKey) so a retried declare never makes a second incident, then run the turn.
/// </summary>
public sealed class IncidentDeclarations(IDeclarations declarations, IIncidentCommands commands, ITeamContextSource team, TimeProvider clock)
{
    public async Task<CommandResult> DeclareAsync(IncidentCommand.Declare declare, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(declare);
        var context = team.Current;
        var probe = IncidentDecider.Decide(
            declare with { Id = new IncidentId("INC-0") },
            null,
            new DecisionContext(Instant.FromDateTimeOffset(clock.GetUtcNow()), context.Policies, context.OnCall));
        if (probe.IsRejected)
        {
            return new CommandResult(probe, null); // nothing stored, no number taken
        }

        var id = await IdForAsync(context.TeamId, idempotencyKey, ct);
        return await commands.HandleAsync(id, declare with { Id = id }, ct);
    }

    private async Task<IncidentId> IdForAsync(string teamId, string? key, CancellationToken ct)
    {
        if (key is not null && await declarations.FindAsync(teamId, key, ct) is { } existing)
        {
            return new IncidentId(existing);
        }

        var fresh = $"INC-{await declarations.NextNumberAsync(teamId, ct)}";
        return new IncidentId(key is null ? fresh : await declarations.ClaimAsync(teamId, key, fresh, ct));
    }
}
