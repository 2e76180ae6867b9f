using System.Diagnostics;
using System.Reflection;

namespace IncidentFlows.App.Tests.Infra;

/// <summary>
/// The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, a PackageDownload of this test
/// project; its path is stamped into the assembly at build time). Runs one command and returns its exit
/// code and every diagnostic it printed.
/// </summary>
internal static class BicepCompiler
{
    private static readonly string Executable = typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Bicep").Value!;

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Executable), $"The Bicep CLI is not restored at {Executable}; run dotnet restore.");
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = InfraFiles.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output + await errors).Trim());
    }
}
