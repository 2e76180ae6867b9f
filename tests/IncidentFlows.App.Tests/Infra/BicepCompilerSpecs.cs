namespace IncidentFlows.App.Tests.Infra;

/// <summary>
/// The deployment compiles and passes the linter with infra/bicepconfig.json, which makes the rules that
/// matter errors: secure parameters, no secrets in parameters or outputs, no hard-coded environment
/// URLs or locations, recent API versions, user-defined types. Any diagnostic fails the run.
/// </summary>
public sealed class BicepCompilerSpecs
{
    public static TheoryData<string> ParameterFiles => [.. Directory.GetFiles(Path.Combine(InfraFiles.Root, "infra"), "*.bicepparam").Select(f => Path.GetFileName(f))];

    [Fact]
    public async Task Main_bicep_builds_without_a_diagnostic()
    {
        var output = Path.Combine(Path.GetTempPath(), "incidentflows-bicep-" + Guid.NewGuid().ToString("N"));
        var (exitCode, diagnostics) = await BicepCompiler.RunAsync("build", "infra/main.bicep", "--outdir", output);

        Assert.True(exitCode == 0 && diagnostics.Length == 0, diagnostics);
        Assert.True(File.Exists(Path.Combine(output, "main.json")));
        Directory.Delete(output, recursive: true);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Every_parameter_file_builds_without_a_diagnostic(string file)
    {
        var (exitCode, diagnostics) = await BicepCompiler.RunAsync("build-params", $"infra/{file}", "--stdout");

        Assert.True(exitCode == 0 && !diagnostics.Contains(": Error ", StringComparison.Ordinal) && !diagnostics.Contains(": Warning ", StringComparison.Ordinal), diagnostics);
    }

    [Fact]
    public async Task Main_bicep_and_its_modules_pass_the_linter()
    {
        var (exitCode, diagnostics) = await BicepCompiler.RunAsync("lint", "infra/main.bicep");

        Assert.True(exitCode == 0 && diagnostics.Length == 0, diagnostics);
    }

    [Fact]
    public async Task The_lint_configuration_turns_a_secret_in_a_parameter_into_an_error()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "incidentflows-lint-" + Guid.NewGuid().ToString("N")));
        File.Copy(Path.Combine(InfraFiles.Root, "infra", "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
        var file = Path.Combine(folder.FullName, "leaky.bicep");
        await File.WriteAllTextAsync(file, "param clientSecret string = 'hunter2'\noutput secretOut string = clientSecret\n");

        var (exitCode, diagnostics) = await BicepCompiler.RunAsync("lint", file);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Error secure-secrets-in-params", diagnostics, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }
}
