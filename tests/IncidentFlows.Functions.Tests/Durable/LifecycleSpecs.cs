using IncidentFlows.Domain.Incidents;
using Microsoft.DurableTask.Client;
using static IncidentFlows.Functions.Tests.Durable.SampleIncident;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>The Functions host's orchestrator on the real Durable Task worker: an incident from declaration to close.</summary>
public sealed class LifecycleSpecs
{
    [Fact]
    public async Task Declare_acknowledge_resolve_and_close_store_commits_v1_to_v4_and_complete_the_instance()
    {
        await using var engine = await DurableEngine.StartAsync();
        var id = new IncidentId("INC-101");

        await RunToCloseAsync(engine, id);

        var commits = engine.Activities.Commits;
        Assert.Equal([1, 2, 3, 4], commits.Select(c => c.Sequence));
        Assert.Equal([typeof(E.Declared), typeof(E.EscalationStarted), typeof(E.Paged)], commits[0].Events.Select(e => e.GetType()));
        Assert.Equal("bob", Assert.IsType<E.Acknowledged>(Assert.Single(commits[1].Events)).By.Id);
        Assert.Equal(IncidentStatus.Resolved, Assert.IsType<E.StatusChanged>(Assert.Single(commits[2].Events)).To);
        Assert.Equal(IncidentStatus.Closed, Assert.IsType<E.StatusChanged>(Assert.Single(commits[3].Events)).To);
        Assert.Equal(IncidentStatus.Closed, commits[3].State.Status);
        Assert.Equal(4, engine.Activities.TeamLoads);
        Assert.DoesNotContain(engine.Log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    /// <summary>Declares, acknowledges, resolves and closes, each command once the instance waits again.</summary>
    internal static async Task RunToCloseAsync(DurableEngine engine, IncidentId id)
    {
        await engine.StartAsync(id, Declaration(id));
        await engine.UntilWaitingAfterAsync(id, 1);
        await engine.RaiseAsync(id, new C.Acknowledge(Bob));
        await engine.UntilWaitingAfterAsync(id, 2);
        await engine.RaiseAsync(id, new C.Resolve(Bob, "rolled back"));
        await engine.UntilWaitingAfterAsync(id, 3);
        await engine.RaiseAsync(id, new C.Close(Bob));
        await engine.UntilAsync(id, OrchestrationRuntimeStatus.Completed);
    }
}
