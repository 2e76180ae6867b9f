using System.Text.Json.Nodes;
using IncidentFlows.Domain.OnCall.Configuration;
using static IncidentFlows.Domain.Tests.OnCall.Given;

namespace IncidentFlows.Domain.Tests.OnCall;

public class ConfigurationTests
{
    [Fact]
    public void The_sample_follow_the_sun_team_is_valid_and_has_no_gaps_for_three_years()
    {
        var configuration = SampleTeam.Configuration;

        Assert.Equal(["follow-the-sun", "incident-commanders"], configuration.Schedules.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["admin-portal", "checkout", "payments-api", "search"], configuration.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, configuration.Services["checkout"].Impact?.Tier);
        Assert.Empty(configuration.CoverageGaps(Between("2026-01-05T12:00:00Z", "2029-01-01T00:00:00Z")));
    }

    [Fact]
    public void Without_its_backstop_layer_the_sample_has_exactly_the_northern_winter_hour_uncovered()
    {
        var json = Sample();
        json["schedules"]![0]!["layers"]!.AsArray().RemoveAt(0);

        var schedule = Valid(json).Schedules["follow-the-sun"];
        var gaps = schedule.CoverageOver(Between("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")).Gaps;

        // London opens at 09:00 GMT = 09:00Z while Tokyo closes at 08:00Z; in BST London opens at 08:00Z.
        Assert.All(gaps, g => Assert.Equal(NodaTime.Duration.FromHours(1), g.Span.Duration));
        Assert.All(gaps, g => Assert.Equal(new NodaTime.LocalTime(8, 0), g.Span.Start.InUtc().TimeOfDay));
        Assert.Contains(gaps, g => g.Span.Start == Utc("2027-01-13T08:00:00Z"));
        Assert.DoesNotContain(gaps, g => g.Span.Start == Utc("2027-07-14T08:00:00Z"));
        Assert.Equal(GmtDays(2027), gaps.Count);
    }

    [Theory]
    [InlineData("schedules[1].layers[0].handoff", "\"25:00\"", "schedules[1].layers[0].handoff: 25:00 is not a time of day")]
    [InlineData("schedules[0].timeZone", "\"Mars/Olympus_Mons\"", "schedules[0].timeZone: Mars/Olympus_Mons is not an IANA time zone")]
    [InlineData("schedules[0].layers[1].shiftLength", "\"0w\"", "schedules[0].layers[1].shiftLength: 0w is not a shift length")]
    [InlineData("schedules[0].layers[1].start", "\"2026-02-30\"", "schedules[0].layers[1].start: 2026-02-30 is not a date (yyyy-MM-dd)")]
    [InlineData("schedules[0].layers[1].participants[1]", "\"nobody\"", "schedules[0].layers[1].participants[1]: no person 'nobody'")]
    [InlineData("schedules[0].layers[1].restrictions.weekdays", "[\"funday\"]", "schedules[0].layers[1].restrictions.weekdays[0]: funday is not a weekday")]
    [InlineData("schedules[0].overrides[0].to", "\"2026-12-23T00:00:00Z\"", "schedules[0].overrides[0].to: must be after from")]
    [InlineData("schedules[0].overrides[0].kind", "\"swap\"", "schedules[0].overrides[0].kind: swap is not an override kind (add, remove, replace)")]
    [InlineData("policies[0].levels[0].ackTimeoutMinutes", "0", "policies[0].levels[0].ackTimeoutMinutes: 0 is out of range (1 to 10080)")]
    [InlineData("policies[0].levels[0].ackTimeoutMinutes", "2.5", "policies[0].levels[0].ackTimeoutMinutes: expected a whole number, found 2.5")]
    [InlineData("policies[0].levels[0].ackTimeoutSeconds", "30", "policies[0].levels[0].ackTimeoutSeconds: give ackTimeoutMinutes or ackTimeoutSeconds, not both")]
    [InlineData("team.severities", "{ \"SEV1\": { \"updateCadenceSeconds\": 4 } }", "team.severities.SEV1.updateCadenceSeconds: 4 is out of range (5 to 604800)")]
    [InlineData("policies[0].repeat", "10", "policies[0].repeat: 10 is out of range (0 to 9)")]
    [InlineData("policies[0].repeatFromLevel", "4", "policies[0].repeatFromLevel: 4 is out of range (1 to 3)")]
    [InlineData("policies[0].levels[1].targets[0]", "{}", "policies[0].levels[1].targets[0]: needs exactly one of person or schedule")]
    [InlineData("policies[1].levels[0].targets[0].schedule", "\"follow-the-moon\"", "policies[1].levels[0].targets[0].schedule: no schedule 'follow-the-moon'")]
    [InlineData("services[0].policy", "\"urgent\"", "services[0].policy: no policy 'urgent'")]
    [InlineData("services[2].tier", "0", "services[2].tier: 0 is out of range (1 to 4)")]
    [InlineData("people[3].teams.entraObjectId", "\"not-a-guid\"", "people[3].teams.entraObjectId: not-a-guid is not an Entra object id (a GUID)")]
    [InlineData("people[4].id", "\"aiko\"", "people[4].id: person id 'aiko' is already used by people[0].id")]
    [InlineData("team.defaultPolicy", "\"nonexistent\"", "team.defaultPolicy: no policy 'nonexistent'")]
    [InlineData("team.id", "\"My Team\"", "team.id: 'My Team' is not an id (letters, digits, '.', '_' and '-')")]
    [InlineData("schedules[0].layers[3].name", "\"Tokyo\"", "schedules[0].layers[3].name: layer name 'Tokyo' is already used by schedules[0].layers[1].name")]
    [InlineData("schedules[0].overrides[0].with", "null", "schedules[0].overrides[0].with: is required")]
    [InlineData("schedules[0].layers[2].hand0ff", "\"10:00\"", "schedules[0].layers[2].hand0ff: unknown property")]
    [InlineData("team.links", "[{ \"kind\": \"runbook\", \"pattern\": \"(unclosed\" }]", "team.links[0].pattern: not a regular expression")]
    [InlineData("team.links", "[{ \"pattern\": \"^https://wiki\" }]", "team.links[0].kind: is required")]
    public void Each_problem_is_reported_at_its_path(string path, string value, string expected)
    {
        var json = Sample();
        Set(json, path, JsonNode.Parse(value));

        var problems = Problems(json);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_no_configuration_is_returned()
    {
        var json = Sample();
        Set(json, "schedules[1].layers[0].handoff", "25:00");
        Set(json, "policies[0].repeat", 12);
        Set(json, "people[0].timeZone", "Asia/Tokio");
        json["services"]!.AsArray().Add(new JsonObject { ["id"] = "checkout" });

        var result = TeamConfigurationParser.Parse(json.ToJsonString());

        var invalid = Assert.IsType<TeamConfigurationResult.Invalid>(result);
        Assert.Equal(
            [
                "people[0].timeZone: Asia/Tokio is not an IANA time zone",
                "policies[0].repeat: 12 is out of range (0 to 9)",
                "schedules[1].layers[0].handoff: 25:00 is not a time of day",
                "services[4].id: service id 'checkout' is already used by services[0].id",
            ],
            invalid.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Missing_required_fields_are_each_reported()
    {
        var problems = Problems(JsonNode.Parse("""{ "people": [ { "id": "ann" } ], "policies": [] }""")!);

        Assert.Equal(
            [
                "people[0].name: is required",
                "people[0].teams: is required",
                "people[0].timeZone: is required",
                "policies: needs at least 1 item(s), has 0",
                "team: is required",
            ],
            problems);
    }

    [Fact]
    public void Text_that_is_not_json_is_one_problem_at_the_root()
    {
        var invalid = Assert.IsType<TeamConfigurationResult.Invalid>(TeamConfigurationParser.Parse("{ \"team\": "));

        Assert.StartsWith("$: not valid JSON", Assert.Single(invalid.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Timeouts_and_cadences_can_be_given_in_seconds_for_drills_and_test_rigs()
    {
        var json = Sample();
        json["policies"]![0]!["levels"]![0]!.AsObject().Remove("ackTimeoutMinutes");
        Set(json, "policies[0].levels[0].ackTimeoutSeconds", 20);
        Set(json, "team.severities", JsonNode.Parse("""{ "SEV1": { "ackTimeoutSeconds": 15, "updateCadenceSeconds": 45 } }"""));

        var configuration = Valid(json);

        Assert.Equal(NodaTime.Duration.FromSeconds(20), configuration.Policies[json["policies"]![0]!["id"]!.GetValue<string>()].Levels[0].AckTimeout);
        var sev1 = configuration.Team.Policies[IncidentFlows.Domain.Incidents.Severity.Sev1];
        Assert.Equal((NodaTime.Duration.FromSeconds(15), NodaTime.Duration.FromSeconds(45)), (sev1.AckTimeout, sev1.UpdateCadence));
    }

    [Fact]
    public void A_team_names_its_own_kinds_of_links()
    {
        var json = Sample();
        Set(json, "team.links", JsonNode.Parse("""[{ "kind": "runbook", "pattern": "^https://wiki\\.contoso\\.com/runbooks/(?<page>[\\w-]+)", "title": "{page}" }]"""));

        var link = Assert.Single(Valid(json).Team.Links);

        Assert.Equal(("runbook", "{page}"), (link.Kind, link.Title));
    }

    [Fact]
    public void A_window_with_only_one_end_is_a_problem()
    {
        var json = Sample();
        json["schedules"]![0]!["layers"]![1]!["restrictions"]!.AsObject().Remove("to");

        Assert.Contains("schedules[0].layers[1].restrictions.to: is required when a window has the other end", Problems(json));
    }

    private static JsonNode Sample() => JsonNode.Parse(SampleTeamJson(), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;

    private static IncidentFlows.Domain.OnCall.TeamConfiguration Valid(JsonNode json) =>
        Assert.IsType<TeamConfigurationResult.Valid>(TeamConfigurationParser.Parse(json.ToJsonString())).Configuration;

    private static List<string> Problems(JsonNode json) =>
        [.. Assert.IsType<TeamConfigurationResult.Invalid>(TeamConfigurationParser.Parse(json.ToJsonString())).Problems.Select(p => p.ToString())];

    /// <summary>Sets the value at a path like "schedules[1].layers[0].handoff", creating the last property.</summary>
    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var node = root;
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        foreach (var step in steps[..^1]) node = Step(node, step);
        var last = steps[^1];
        if (last.StartsWith('[')) node.AsArray()[Index(last)] = value;
        else node.AsObject()[last] = value;
    }

    private static JsonNode Step(JsonNode node, string step) => step.StartsWith('[') ? node.AsArray()[Index(step)]! : node[step]!;

    private static int Index(string step) => int.Parse(step.AsSpan(1, step.Length - 2), System.Globalization.CultureInfo.InvariantCulture);

    private static int GmtDays(int year)
    {
        var london = Zone("Europe/London");
        var days = 0;
        for (var date = new NodaTime.LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            if (london.AtStrictly(date.At(new NodaTime.LocalTime(9, 0))).Offset == NodaTime.Offset.Zero) days++;
        }

        return days;
    }
}
