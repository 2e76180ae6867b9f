using IncidentFlows.App.Durable;
using Microsoft.Azure.Functions.Worker;

namespace IncidentFlows.Functions.Durable;

/// <summary>The orchestration's activities; each is one call into <see cref="IncidentActivities"/>.</summary>
public sealed class IncidentActivityFunctions(IncidentActivities activities)
{
    /// <param name="input">Unused: the team is this deployment's.</param>
    [Function(IncidentActivities.LoadTeamConfiguration)]
    public Task<string?> LoadTeamConfigurationAsync([ActivityTrigger] string? input, FunctionContext context) =>
        activities.LoadTeamConfigurationAsync(context.CancellationToken);

    [Function(IncidentActivities.PersistCommit)]
    public async Task<string?> PersistCommitAsync([ActivityTrigger] string input, FunctionContext context)
    {
        await activities.PersistCommitAsync(input, context.CancellationToken);
        return null;
    }

    [Function(IncidentActivities.RunEffect)]
    public Task<string?> RunEffectAsync([ActivityTrigger] string input, FunctionContext context) =>
        activities.RunEffectAsync(input, context.CancellationToken);
}
