using IncidentFlows.Functions.Durable;
using Microsoft.DurableTask;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>
/// The Functions host's orchestrator (<see cref="IncidentOrchestrator.RunAsync"/>, with its
/// <c>OrchestrationContextAdapter</c>) as a class-based orchestrator, which is how a worker outside the
/// Functions runtime registers it. A class, not <c>AddOrchestratorFunc</c>: Microsoft.DurableTask.Analyzers
/// 0.2.0 crashes (AD0001) on the lambda form (registry-2026-12 §2).
/// </summary>
public sealed class IncidentOrchestrationTask : TaskOrchestrator<string, object?>
{
    public override async Task<object?> RunAsync(TaskOrchestrationContext context, string input)
    {
        await IncidentOrchestrator.RunAsync(context);
        return null;
    }
}
