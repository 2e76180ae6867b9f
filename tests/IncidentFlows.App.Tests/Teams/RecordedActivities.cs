using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Testing;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>Teams activities as recorded from the Agents Playground 0.2.28 (tests/…/Teams/Activities/*.json).</summary>
internal static class RecordedActivities
{
    public static string Json(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Find().FullName, "tests", "IncidentFlows.Testing", "Teams", "Activities", name + ".json"));

    public static Activity Load(string name) =>
        System.Text.Json.JsonSerializer.Deserialize<Activity>(Json(name), BotJson.Options)!;
}
