using System.Text.Json;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>Reads <c>team</c>: id, name, default policy, time zone, drill announcements and severity overrides.</summary>
internal static class TeamSection
{
    private static readonly string[] SeverityFields = ["ackTimeoutMinutes", "ackTimeoutSeconds", "updateCadenceMinutes", "updateCadenceSeconds", "warRoom", "announce", "page"];

    public static Team? Read(ConfigReader reader, JsonElement root)
    {
        if (reader.Value(root, "", "team", required: true) is not { } team
            || !reader.Object(team, "team", "id", "name", "defaultPolicy", "timeZone", "announceDrills", "severities", "links"))
        {
            return null;
        }

        var policy = reader.Id(team, "team", "defaultPolicy");
        reader.Reference("policy", policy, "team.defaultPolicy");
        var id = reader.Id(team, "team");
        var name = reader.String(team, "team", "name");
        var zone = team.TryGetProperty("timeZone", out _) ? reader.Zone(team, "team", "timeZone") : DateTimeZone.Utc;
        var announceDrills = reader.Boolean(team, "team", "announceDrills", required: false) ?? false;
        var severities = Severities(reader, team);
        var links = Links(reader, team);
        return id is null || name is null || policy is null || zone is null || severities is null || links is null
            ? null
            : new Team(id, name, policy, zone.Id, announceDrills, severities) { Links = links };
    }

    /// <summary><c>team.links</c>: kinds of links the war room puts on the timeline, each a kind, a URL pattern and an optional title.</summary>
    private static List<Learning.LinkPattern>? Links(ConfigReader reader, JsonElement team)
    {
        if (!team.TryGetProperty("links", out _))
        {
            return [];
        }

        if (reader.Array(team, "team", "links", min: 0, max: 50) is not { } items)
        {
            return null;
        }

        var links = new List<Learning.LinkPattern>();
        foreach (var (element, path) in items)
        {
            if (!reader.Object(element, path, "kind", "pattern", "title"))
            {
                continue;
            }

            var kind = reader.String(element, path, "kind");
            var pattern = reader.String(element, path, "pattern");
            var title = reader.String(element, path, "title", required: false);
            if (pattern is not null && Learning.LinkClassifier.Problem(pattern) is { } problem)
            {
                reader.Report(ConfigReader.At(path, "pattern"), problem);
                continue;
            }

            if (kind is not null && pattern is not null)
            {
                links.Add(new Learning.LinkPattern(kind, pattern, title));
            }
        }

        return links.Count == items.Count ? links : null;
    }

    private static Dictionary<Severity, SeverityPolicy>? Severities(ConfigReader reader, JsonElement team)
    {
        var overrides = new Dictionary<Severity, SeverityPolicy>();
        if (reader.Value(team, "team", "severities", required: false) is not { } severities)
        {
            return overrides;
        }

        if (severities.ValueKind != JsonValueKind.Object)
        {
            reader.Report("team.severities", $"expected an object keyed by severity (SEV0 … SEV4), found {ConfigReader.Describe(severities)}");
            return null;
        }

        var valid = true;
        foreach (var entry in severities.EnumerateObject())
        {
            var path = ConfigReader.At("team.severities", entry.Name);
            if (SeverityNames.Parse(entry.Name) is not { } severity)
            {
                reader.Report(path, $"'{entry.Name}' is not a severity (SEV0 … SEV4)");
                valid = false;
                continue;
            }

            if (Override(reader, entry.Value, path, SeverityPolicies.Default[severity]) is { } policy)
            {
                overrides[severity] = policy;
            }
            else
            {
                valid = false;
            }
        }

        return valid ? overrides : null;
    }

    /// <summary>A severity's policy with the fields the file sets; the others keep their defaults.</summary>
    private static SeverityPolicy? Override(ConfigReader reader, JsonElement element, string path, SeverityPolicy defaults)
    {
        if (!reader.Object(element, path, SeverityFields)) return null;
        var problems = reader.Problems.Count;
        var ack = reader.Minutes(element, path, "ackTimeout", 1, 1440, required: false);
        var cadence = reader.Minutes(element, path, "updateCadence", 1, 10080, required: false);
        var warRoom = reader.Boolean(element, path, "warRoom", required: false);
        var announce = reader.Boolean(element, path, "announce", required: false);
        var page = reader.Boolean(element, path, "page", required: false);
        return reader.Problems.Count > problems ? null : new SeverityPolicy(
            ack ?? defaults.AckTimeout,
            cadence ?? defaults.UpdateCadence,
            warRoom ?? defaults.OpensWarRoom,
            announce ?? defaults.Announces,
            page ?? defaults.PagesOnCall);
    }
}
