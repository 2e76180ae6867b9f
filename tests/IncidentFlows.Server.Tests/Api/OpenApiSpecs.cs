using System.Text.Json.Nodes;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>The OpenAPI document describes what the API really reads and answers, so a generated client works.</summary>
[Collection(SharedAzurite.Name)]
public sealed class OpenApiSpecs(AzuriteFixture azurite)
{
    [Fact]
    public async Task Declare_reads_a_declare_body_and_answers_202_with_the_incident_or_a_problem()
    {
        var declare = (await DocumentAsync())["paths"]!["/api/incidents"]!["post"]!;

        Assert.EndsWith("/DeclareBody", Schema(declare["requestBody"]!, "application/json"), StringComparison.Ordinal);
        var responses = declare["responses"]!.AsObject();
        Assert.EndsWith("/IncidentView", Schema(responses["202"]!, "application/json"), StringComparison.Ordinal);
        Assert.DoesNotContain("200", responses.Select(r => r.Key));
        foreach (var status in new[] { "400", "401", "409", "413", "415", "422" })
        {
            Assert.True(responses[status]?["content"]?["application/problem+json"] is not null, $"declare {status}: {responses[status]}");
        }
    }

    [Fact]
    public async Task A_command_that_takes_no_body_says_its_body_is_optional()
    {
        var acknowledge = (await DocumentAsync())["paths"]!["/api/incidents/{id}/acknowledge"]!["post"]!;

        Assert.EndsWith("/ActorBody", Schema(acknowledge["requestBody"]!, "application/json"), StringComparison.Ordinal);
        Assert.NotEqual(true, acknowledge["requestBody"]!["required"]?.GetValue<bool>());
        Assert.EndsWith("/IncidentView", Schema(acknowledge["responses"]!["200"]!, "application/json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_postmortem_review_takes_an_optional_actor_body_and_the_metrics_describe_time_to_learn_and_improve()
    {
        var document = await DocumentAsync();
        var review = document["paths"]!["/api/incidents/{id}/postmortem-review"]!["post"]!;

        Assert.EndsWith("/ActorBody", Schema(review["requestBody"]!, "application/json"), StringComparison.Ordinal);
        Assert.NotEqual(true, review["requestBody"]!["required"]?.GetValue<bool>());
        Assert.True(review["responses"]!["409"]?["content"]?["application/problem+json"] is not null, review["responses"]!.ToJsonString());
        var metrics = document["components"]!["schemas"]!["MetricsView"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Superset(new HashSet<string> { "meanTimeToLearn", "timeToLearnRunning", "meanTimeToImprove", "timeToImproveRunning", "withoutActionItems" }, metrics.ToHashSet());
        Assert.Contains("timeToLearn", document["components"]!["schemas"]!["IncidentView"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Every_api_operation_has_a_success_answer_and_its_errors_are_problem_json()
    {
        var document = await DocumentAsync();
        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal) && p.Key != "/api/messages")
            .SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key.ToUpperInvariant()} {p.Key}", Responses: o.Value!["responses"]!.AsObject())))
            .ToList();

        Assert.True(operations.Count > 20, string.Join(", ", operations.Select(o => o.Name)));
        Assert.All(operations, o => Assert.True(o.Responses.Any(r => r.Key.StartsWith('2')), $"{o.Name} has no success answer"));
        Assert.All(operations, o => Assert.All(o.Responses.Where(r => r.Key.StartsWith('4')), r =>
            Assert.True(r.Value?["content"]?["application/problem+json"] is not null, $"{o.Name} {r.Key} is not problem+json")));
        Assert.All(operations, o => Assert.True(o.Responses.ContainsKey("401"), $"{o.Name} does not say it may be a 401"));
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.True(schemas.ContainsKey("DeclareBody") && schemas.ContainsKey("MetricsView"), string.Join(", ", schemas.Select(s => $"{s.Key}: {s.Value}")));
        Assert.Contains("severity", schemas["DeclareBody"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("meanTimeToAcknowledge", schemas["MetricsView"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    private static string Schema(JsonNode holder, string contentType) =>
        holder["content"]?[contentType]?["schema"]?["$ref"]?.GetValue<string>() ?? $"no {contentType} schema in {holder.ToJsonString()}";

    private async Task<JsonObject> DocumentAsync()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        using var anonymous = host.CreateClient();
        return JsonNode.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();
    }
}
