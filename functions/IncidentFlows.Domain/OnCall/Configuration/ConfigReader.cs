using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>
/// Reads values out of a JSON document while collecting every problem with its path, instead of stopping at
/// the first. Readers return null for anything wrong; references between sections are checked at the end.
/// </summary>
internal sealed partial class ConfigReader
{
    private readonly List<ConfigProblem> problems = [];
    private readonly List<(string Kind, string Id, string Path)> references = [];

    public IReadOnlyList<ConfigProblem> Problems => problems;

    public static string At(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string At(string path, int index) => $"{path}[{index}]";

    public void Report(string path, string message) => problems.Add(new ConfigProblem(path.Length == 0 ? "$" : path, message));

    /// <summary>Checks that the element is an object with only known, unrepeated properties.</summary>
    public bool Object(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(path, $"expected an object, found {Describe(element)}");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name)) Report(At(path, property.Name), "appears more than once");
            else if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Report(At(path, property.Name), $"unknown property (expected {string.Join(", ", known)})");
            }
        }

        return true;
    }

    /// <summary>Whether an optional property is given (present and not null).</summary>
    public static bool Has(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Value(JsonElement obj, string path, string name, bool required)
    {
        if (obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null) return value;
        if (required) Report(At(path, name), "is required");
        return null;
    }

    public string? String(JsonElement obj, string path, string name, bool required = true)
    {
        if (Value(obj, path, name, required) is not { } value) return null;
        return StringValue(value, At(path, name));
    }

    public string? StringValue(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(path, $"expected a string, found {Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (!string.IsNullOrWhiteSpace(text)) return text;
        Report(path, "must not be empty");
        return null;
    }

    public string? Id(JsonElement obj, string path, string name = "id", bool required = true)
    {
        var id = String(obj, path, name, required);
        if (id is null || IdPattern().IsMatch(id)) return id;
        Report(At(path, name), $"'{id}' is not an id (letters, digits, '.', '_' and '-')");
        return null;
    }

    public int? Integer(JsonElement obj, string path, string name, int min, int max, bool required = true)
    {
        if (Value(obj, path, name, required) is not { } value) return null;
        var at = At(path, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Report(at, $"expected a whole number, found {Describe(value)}");
            return null;
        }

        if (number >= min && number <= max) return number;
        Report(at, $"{number} is out of range ({min} to {max})");
        return null;
    }

    /// <summary>The shortest timeout or cadence given in seconds: drills and test rigs run on short real timeouts.</summary>
    public const int MinSeconds = 5;

    /// <summary>
    /// A duration given as <c>{name}Minutes</c> (whole minutes, <paramref name="minMinutes"/> to
    /// <paramref name="maxMinutes"/>) or <c>{name}Seconds</c> (whole seconds, <see cref="MinSeconds"/> up to the
    /// same ceiling); never both.
    /// </summary>
    public Duration? Minutes(JsonElement obj, string path, string name, int minMinutes, int maxMinutes, bool required = true)
    {
        var (minutesName, secondsName) = (name + "Minutes", name + "Seconds");
        if (Has(obj, minutesName) && Has(obj, secondsName))
        {
            Report(At(path, secondsName), $"give {minutesName} or {secondsName}, not both");
            return null;
        }

        if (Has(obj, secondsName))
        {
            return Integer(obj, path, secondsName, MinSeconds, maxMinutes * 60) is { } seconds ? Duration.FromSeconds(seconds) : null;
        }

        return Integer(obj, path, minutesName, minMinutes, maxMinutes, required) is { } minutes ? Duration.FromMinutes(minutes) : null;
    }

    public bool? Boolean(JsonElement obj, string path, string name, bool required = true)
    {
        if (Value(obj, path, name, required) is not { } value) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Report(At(path, name), $"expected true or false, found {Describe(value)}");
        return null;
    }

    /// <summary>The elements of an array property, each with its path.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)>? Array(JsonElement obj, string path, string name, int min, int max, bool required = true)
    {
        if (Value(obj, path, name, required) is not { } value) return required ? null : [];
        var at = At(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(at, $"expected an array, found {Describe(value)}");
            return null;
        }

        var items = value.EnumerateArray().Select((e, i) => (e, At(at, i))).ToList();
        if (items.Count >= min && items.Count <= max) return items;
        Report(at, max == int.MaxValue ? $"needs at least {min} item(s), has {items.Count}" : $"needs {min} to {max} items, has {items.Count}");
        return null;
    }

    /// <summary>A string property parsed by <paramref name="parse"/>; a failure reads "{value} is not {what}".</summary>
    public T? Parsed<T>(JsonElement obj, string path, string name, Func<string, T?> parse, string what, bool required = true)
        where T : struct
    {
        if (String(obj, path, name, required) is not { } text) return null;
        if (parse(text) is { } parsed) return parsed;
        Report(At(path, name), $"{text} is not {what}");
        return null;
    }

    public DateTimeZone? Zone(JsonElement obj, string path, string name, bool required = true)
    {
        if (String(obj, path, name, required) is not { } text) return null;
        if (ConfigFormats.ParseZone(text) is { } zone) return zone;
        Report(At(path, name), $"{text} is not an IANA time zone");
        return null;
    }

    /// <summary>Remembers that <paramref name="id"/> must name an existing <paramref name="kind"/>.</summary>
    public void Reference(string kind, string? id, string path)
    {
        if (id is not null) references.Add((kind, id, path));
    }

    public void CheckReferences(IReadOnlyDictionary<string, IReadOnlySet<string>> known)
    {
        foreach (var (kind, id, path) in references)
        {
            var ids = known[kind];
            if (ids.Contains(id)) continue;
            var hint = ids.Count == 0 ? $"there are no {kind}s" : $"known: {string.Join(", ", ids.Order(StringComparer.Ordinal))}";
            Report(path, $"no {kind} '{id}' ({hint})");
        }
    }

    /// <summary>Reports ids used twice in one list, pointing at the first use.</summary>
    public void Unique(IEnumerable<(string? Id, string Path)> ids, string what)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in ids)
        {
            if (id is null) continue;
            if (first.TryGetValue(id, out var earlier)) Report(path, $"{what} '{id}' is already used by {earlier}");
            else first[id] = path;
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdPattern();
}
