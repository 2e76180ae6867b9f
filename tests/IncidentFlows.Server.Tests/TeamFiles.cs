using System.Text.Json.Nodes;

namespace IncidentFlows.Server.Tests;

/// <summary>Variants of the sample team for specs that run on the real clock.</summary>
internal static class TeamFiles
{
    /// <summary>The sample team with the critical policy's first level acknowledged within one minute (the shortest timeout there is).</summary>
    public static async Task<string> OneMinuteAckAsync()
    {
        var team = JsonNode.Parse(await File.ReadAllTextAsync(ServerHost.SampleTeamFile))!;
        team["policies"]![0]!["levels"]![0]!["ackTimeoutMinutes"] = 1;
        var path = Path.Combine(Path.GetTempPath(), $"incidentflows-1min-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, team.ToJsonString());
        return path;
    }
}
