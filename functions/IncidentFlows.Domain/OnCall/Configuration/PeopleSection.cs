using System.Text.Json;

namespace IncidentFlows.Domain.OnCall.Configuration;

/// <summary>Reads <c>people[]</c>.</summary>
internal static class PeopleSection
{
    public static TeamMember? ReadPerson(ConfigReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, "id", "name", "timeZone", "teams")) return null;
        var id = reader.Id(element, path);
        var name = reader.String(element, path, "name");
        var zone = reader.Zone(element, path, "timeZone");
        var teams = ReadTeamsIdentity(reader, element, path);
        return id is null || name is null || zone is null || teams is null ? null : new TeamMember(id, name, teams, zone);
    }

    private static TeamsIdentity? ReadTeamsIdentity(ConfigReader reader, JsonElement person, string path)
    {
        var at = ConfigReader.At(path, "teams");
        if (reader.Value(person, path, "teams", required: true) is not { } teams || !reader.Object(teams, at, "entraObjectId", "userPrincipalName"))
        {
            return null;
        }

        var objectId = reader.Parsed<Guid>(teams, at, "entraObjectId", t => Guid.TryParse(t, out var g) && g != Guid.Empty ? g : null, "an Entra object id (a GUID)");
        var upn = reader.String(teams, at, "userPrincipalName", required: false);
        if (upn is not null && !upn.Contains('@', StringComparison.Ordinal))
        {
            reader.Report(ConfigReader.At(at, "userPrincipalName"), $"{upn} is not a user principal name (name@domain)");
            return null;
        }

        return objectId is { } id ? new TeamsIdentity(id, upn) : null;
    }

}
