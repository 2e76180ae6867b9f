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
            || !reader.Object(team, "team", "id", "name", "defaultPolicy", "timeZone", "announceDrills", "severities"))
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
        return id is null || name is null || policy is null || zone is null || severities is null
            ? null
            : new Team(id, name, policy, zone.Id, announceDrills, severities);
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
