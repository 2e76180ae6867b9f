using System.Text;

namespace IncidentFlows.Domain.Tests.Learning;

/// <summary>
/// Compares generated text with a golden file in Learning/Golden, byte for byte. On a difference it
/// writes the actual text next to the copy in the test output and fails with the first differing line,
/// so a reviewer can diff the two files and, if the change is intended, copy the actual one over.
/// </summary>
internal static class GoldenFile
{
    /// <summary>UTF-8 without a byte-order mark, as the files are committed.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Learning", "Golden", name);
        var expectedBytes = File.Exists(path) ? File.ReadAllBytes(path) : null;
        if (expectedBytes is not null && expectedBytes.AsSpan().SequenceEqual(Utf8.GetBytes(actual)))
        {
            return;
        }

        var expected = expectedBytes is null ? null : Encoding.UTF8.GetString(expectedBytes);

        var actualPath = Path.ChangeExtension(path, ".actual" + Path.GetExtension(path));
        Directory.CreateDirectory(Path.GetDirectoryName(actualPath)!);
        File.WriteAllBytes(actualPath, Utf8.GetBytes(actual));
        Assert.Fail(expected is null
            ? $"There is no golden file {name}. The output was written to {actualPath}; review it and copy it to tests/IncidentFlows.Domain.Tests/Learning/Golden/{name}."
            : $"{FirstDifference(expected, actual)}\nFull output: {actualPath}\nCompare: diff -u tests/IncidentFlows.Domain.Tests/Learning/Golden/{name} {actualPath}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                return $"The output differs from the golden file at line {i + 1}:\n  expected: {Visible(left)}\n  actual:   {Visible(right)}";
            }
        }

        return "The output differs from the golden file only in its encoding (a byte-order mark?) or a trailing line end.";
    }

    private static string Visible(string line) => line
        .Replace("\uFEFF", "<byte-order mark>", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal);
}
