using System.Text.Json;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>
/// Parses a team's configuration file (docs/oncall-config.md). Pure: the caller reads the file. Every problem
/// is reported with its JSON path; a configuration is returned only when there are none.
/// </summary>
public static class TeamConfigurationParser
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TeamConfigurationResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            return new TeamConfigurationResult.Invalid([new ConfigProblem("$", $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            if (UnreadableStrings.In(document.RootElement).ToList() is { Count: > 0 } unreadable)
            {
                return new TeamConfigurationResult.Invalid(unreadable);
            }

            return Read(document.RootElement);
        }
    }

    private static TeamConfigurationResult Read(JsonElement root)
    {
        var reader = new ConfigReader();
        if (!reader.Object(root, "", "$schema", "team", "people", "schedules", "policies", "services"))
        {
            return new TeamConfigurationResult.Invalid(reader.Problems);
        }

        var team = TeamSection.Read(reader, root);
        var teamId = team?.Id;
        var people = Section(reader, root, "people", 1, PeopleSection.ReadPerson);
        var schedules = Section(reader, root, "schedules", 0, ScheduleSection.ReadSchedule);
        var policies = Section(reader, root, "policies", 1, PolicySection.ReadPolicy);
        var services = Section(reader, root, "services", 0, (r, e, p) => PolicySection.ReadService(r, e, p, teamId));

        reader.CheckReferences(new Dictionary<string, IReadOnlySet<string>>
        {
            ["person"] = Ids(root, "people"),
            ["schedule"] = Ids(root, "schedules"),
            ["policy"] = Ids(root, "policies"),
        });

        if (reader.Problems.Count > 0 || team is null
            || people is null || schedules is null || policies is null || services is null)
        {
            return new TeamConfigurationResult.Invalid([.. reader.Problems.OrderBy(p => p.Path, StringComparer.Ordinal)]);
        }

        return new TeamConfigurationResult.Valid(new TeamConfiguration(team, people, schedules, policies, services));
    }

    /// <summary>Reads every item of a top-level list, then checks their ids are unique; null if any is invalid.</summary>
    private static List<T>? Section<T>(ConfigReader reader, JsonElement root, string name, int min, Func<ConfigReader, JsonElement, string, T?> read)
        where T : class
    {
        var items = reader.Array(root, "", name, min, int.MaxValue, required: min > 0);
        if (items is null) return null;
        var values = items.Select(i => read(reader, i.Element, i.Path)).ToList();
        reader.Unique(items.Select(i => (IdOf(i.Element), ConfigReader.At(i.Path, "id"))), name switch
        {
            "people" => "person id",
            "policies" => "policy id",
            _ => $"{name.TrimEnd('s')} id",
        });
        return values.Contains(null) ? null : [.. values.Select(v => v!)];
    }

    /// <summary>The ids a list declares (even in invalid items), so references are checked against what the author wrote.</summary>
    private static HashSet<string> Ids(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];

    private static string? IdOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
