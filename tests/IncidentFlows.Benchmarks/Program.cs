using IncidentFlows.Benchmarks.Server;
using IncidentFlows.Benchmarks.Teams;

if (args is ["engine", .. var engineArgs])
{
    await EngineBench.RunAsync(engineArgs);
    return;
}

if (args is ["alerts", .. var alertArgs])
{
    await AlertBench.RunAsync(alertArgs);
    return;
}

if (args is ["bot", .. var botArgs])
{
    await BotBench.RunAsync(botArgs);
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
