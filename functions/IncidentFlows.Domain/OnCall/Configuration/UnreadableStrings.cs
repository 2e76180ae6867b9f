using System.Text.Json;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>
/// JSON may escape half of a UTF-16 surrogate pair (<c>"\ud83d"</c>) on its own; the parser accepts it, but no
/// .NET string can hold it, so reading it later throws. Found up front, each is a problem with its path.
/// </summary>
internal static class UnreadableStrings
{
    public static IEnumerable<ConfigProblem> In(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !Readable(element):
                yield return Problem(path);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(property))
                    {
                        yield return Problem(path);
                        continue;
                    }

                    foreach (var problem in In(property.Value, $"{path}.{property.Name}"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var problem in In(item, $"{path}[{i}]"))
                    {
                        yield return problem;
                    }

                    i++;
                }

                break;
            default:
                break;
        }
    }

    private static ConfigProblem Problem(string path) =>
        new(path, "contains a lone UTF-16 surrogate escape (such as \\ud83d without its pair); write the whole character or drop the escape");

    private static bool Readable(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Readable(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
