using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IncidentFlows.Testing;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>Every error under /api is problem+json with a code, also the ones routing and authentication write, and also for a client that asks for HTML.</summary>
[Collection(SharedAzurite.Name)]
public sealed class ProblemSpecs(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("/api/incidents?pageSize=x", "pageSize")]
    [InlineData("/api/incidents?pageSize=2147483648", "pageSize")]
    [InlineData("/api/oncall/calendar.ics?schedule=follow-the-sun&weeks=four", "weeks")]
    public async Task A_number_in_the_query_that_is_not_one_is_a_400_naming_it(string path, string field)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);

        using var response = await host.SendAsync(HttpMethod.Get, path);

        var problem = await ApiOnTheEngine.AssertProblemAsync(response, HttpStatusCode.BadRequest, "input.invalid");
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("DELETE", "/api/incidents/INC-1", null, HttpStatusCode.MethodNotAllowed, "route.method_not_allowed")]
    [InlineData("POST", "/api/incidents", "text/plain", HttpStatusCode.UnsupportedMediaType, "input.media_type")]
    [InlineData("GET", "/api/nothing-here", null, HttpStatusCode.NotFound, "route.not_found")]
    public async Task Routing_errors_are_problem_json_even_when_the_client_accepts_only_html(string method, string path, string? contentType, HttpStatusCode status, string code)
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        if (contentType is not null)
        {
            request.Content = new StringContent("""{ "title": "db down", "severity": "sev2" }""", Encoding.UTF8, contentType);
        }

        using var response = await host.Api.SendAsync(request);

        await ApiOnTheEngine.AssertProblemAsync(response, status, code);
    }

    [Fact]
    public async Task A_request_without_a_credential_is_a_401_problem_even_when_the_client_accepts_only_html()
    {
        using var host = ApiOnTheEngine.Start(azurite.Server);
        using var anonymous = host.CreateClient();
        anonymous.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await anonymous.GetAsync(new Uri("/api/incidents", UriKind.Relative));

        var problem = await ApiOnTheEngine.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.Contains("ApiKey", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
