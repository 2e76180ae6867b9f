using DurableTask.Core;
using IncidentFlows.App.Durable;

namespace IncidentFlows.Server.Engine;

/// <summary>
/// <see cref="IncidentOrchestration"/> as a DTFx orchestration: one object per execution
/// (<see cref="FreshObjectCreator{T}"/>), because it holds that execution's waits and buffer.
/// </summary>
internal sealed class IncidentTurnOrchestration : TaskOrchestration<string?, string>
{
    private DtfxTurnContext? _turn;

    public override async Task<string?> RunTask(OrchestrationContext context, string input)
    {
        await IncidentOrchestration.RunAsync(Turn(context), input);
        return null;
    }

    public override void OnEvent(OrchestrationContext context, string name, string input)
    {
        if (name == IncidentOrchestration.CommandEvent)
        {
            Turn(context).Deliver(input);
        }
    }

    private DtfxTurnContext Turn(OrchestrationContext context) => _turn ??= new DtfxTurnContext(context);
}

/// <summary>Registers a task by name with version "" (both sides), creating it with <paramref name="create"/> each time DTFx asks.</summary>
internal sealed class FreshObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public FreshObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        _create = create;
    }

    public override T Create() => _create();
}
