namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>One thing wrong with a configuration file, at its JSON path ("schedules[1].layers[0].handoff").</summary>
public sealed record ConfigProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
