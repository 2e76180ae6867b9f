namespace IncidentFlows.Testing;

/// <summary>Finds the repository root by walking up from the test binaries to the folder holding package.json.</summary>
public static class RepositoryRoot
{
    public static DirectoryInfo Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "IncidentFlows.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No repository root (package.json + IncidentFlows.sln) above {AppContext.BaseDirectory}.");
    }
}
