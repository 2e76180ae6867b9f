using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Infra;

/// <summary>The deployment files as text, for the specs that check what the compiler cannot: settings against options, tables, names.</summary>
internal static partial class InfraFiles
{
    public static string Root { get; } = RepositoryRoot.Find().FullName;

    public static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));

    public static JsonElement Json(params string[] path) => JsonDocument.Parse(Read(path)).RootElement;

    /// <summary>The keys of the object literal that starts at <paramref name="opening"/> (a line ending in '{') and ends at the next line that is just '}'.</summary>
    public static IReadOnlyList<string> ObjectKeys(string bicep, string opening)
    {
        var lines = bicep.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == opening);
        if (start < 0)
        {
            throw new InvalidOperationException($"No line '{opening}' in the Bicep file.");
        }

        return
        [
            .. lines.Skip(start + 1).TakeWhile(l => l.TrimEnd() != "}")
                .Select(l => KeyLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value),
        ];
    }

    /// <summary>The quoted items of the array literal that starts at <paramref name="opening"/> and ends at the next ']' line.</summary>
    public static IReadOnlyList<string> ArrayItems(string bicep, string opening)
    {
        var lines = bicep.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == opening);
        return start < 0
            ? throw new InvalidOperationException($"No line '{opening}' in the Bicep file.")
            : [.. lines.Skip(start + 1).TakeWhile(l => l.Trim() != "]").Select(l => l.Trim().Trim('\'')).Where(l => l.Length > 0)];
    }

    /// <summary>Every `param name` a Bicep file declares.</summary>
    public static IReadOnlyList<string> Params(string bicep) => [.. ParamLine().Matches(bicep).Select(m => m.Groups[1].Value)];

    /// <summary>Every `output name` a Bicep file declares.</summary>
    public static IReadOnlyList<string> Outputs(string bicep) => [.. OutputLine().Matches(bicep).Select(m => m.Groups[1].Value)];

    /// <summary>Every 'Provider/type@version' a Bicep file names, as (resource type, version): API versions are per resource type.</summary>
    public static IEnumerable<(string Provider, string Version)> ApiVersions(string bicep) =>
        ResourceType().Matches(bicep).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    [GeneratedRegex(@"^\s+'?([A-Za-z0-9_]+)'?\s*:")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^param\s+([A-Za-z0-9_]+)", RegexOptions.Multiline)]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^output\s+([A-Za-z0-9_]+)", RegexOptions.Multiline)]
    private static partial Regex OutputLine();

    [GeneratedRegex(@"'(Microsoft\.[A-Za-z]+/[A-Za-z/]+)@([0-9]{4}-[0-9]{2}-[0-9]{2}(?:-preview)?)'")]
    private static partial Regex ResourceType();
}
