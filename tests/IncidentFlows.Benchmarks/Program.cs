using IncidentFlows.Benchmarks.Server;

if (args is ["scheduler", .. var rest])
{
    await SchedulerBench.RunAsync(rest);
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
