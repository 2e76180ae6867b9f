using DurableTask.Core;
using IncidentFlows.App.Durable;

namespace IncidentFlows.Server.Engine;

/// <summary>The orchestration's activities as DTFx tasks, each one call into <see cref="IncidentActivities"/> (the Functions host binds the same three).</summary>
internal static class IncidentActivityTasks
{
    public static ObjectCreator<TaskActivity>[] Creators(IncidentActivities activities, CancellationToken stopping) =>
    [
        Creator(IncidentActivities.LoadTeamConfiguration, (_, ct) => activities.LoadTeamConfigurationAsync(ct), stopping),
        Creator(IncidentActivities.PersistCommit, async (input, ct) =>
        {
            await activities.PersistCommitAsync(input, ct);
            return null;
        }, stopping),
        Creator(IncidentActivities.RunEffect, activities.RunEffectAsync, stopping),
    ];

    private static FreshObjectCreator<TaskActivity> Creator(string name, Func<string, CancellationToken, Task<string?>> run, CancellationToken stopping)
    {
        var task = new ActivityTask(run, stopping); // stateless: one object serves every call
        return new FreshObjectCreator<TaskActivity>(name, () => task);
    }

    private sealed class ActivityTask(Func<string, CancellationToken, Task<string?>> run, CancellationToken stopping) : AsyncTaskActivity<string, string?>
    {
        protected override Task<string?> ExecuteAsync(TaskContext context, string input) => run(input ?? "", stopping);
    }
}
