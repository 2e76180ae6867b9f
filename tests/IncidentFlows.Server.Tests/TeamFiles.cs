using System.Text.Json.Nodes;

namespace IncidentFlows.Server.Tests;

/// <summary>Variants of the sample team for specs on the engine's real clock: timeouts and cadences of seconds.</summary>
internal static class TeamFiles
{
    /// <summary>
    /// The sample team with every level of the critical policy (SEV1 checkout) acknowledged within
    /// <paramref name="ackSeconds"/> and, when given, SEV1 status updates due every <paramref name="updateSeconds"/>.
    /// </summary>
    public static Task<string> FastAsync(int ackSeconds, int? updateSeconds = null) => WriteAsync("fast", team =>
    {
        foreach (var level in team["policies"]![0]!["levels"]!.AsArray())
        {
            level!.AsObject().Remove("ackTimeoutMinutes");
            level["ackTimeoutSeconds"] = ackSeconds;
        }

        if (updateSeconds is { } seconds)
        {
            team["team"]!["severities"] = new JsonObject { ["SEV1"] = new JsonObject { ["updateCadenceSeconds"] = seconds } };
        }
    });

    private static async Task<string> WriteAsync(string name, Action<JsonNode> change)
    {
        var team = JsonNode.Parse(await File.ReadAllTextAsync(ServerHost.SampleTeamFile))!;
        change(team);
        var path = Path.Combine(Path.GetTempPath(), $"incidentflows-{name}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, team.ToJsonString());
        return path;
    }
}
