using System.Text.Json;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Tests.Security;

/// <summary>
/// Who may do what, through the API policy as the Functions host runs it (<see cref="ApiAuthorization"/>):
/// an API key acts for its own team only, with the role its scopes grant; a refusal says why.
/// </summary>
public class AccessSpecs
{
    private const string Key = "ifk_the-key-the-specs-present";

    [Theory]
    [InlineData("read", "GET", "/api/incidents", 200)]
    [InlineData("read", "POST", "/api/incidents/INC-1/acknowledge", 403)]
    [InlineData("respond", "POST", "/api/incidents/INC-1/acknowledge", 200)]
    [InlineData("respond", "POST", "/api/alerts/generic", 200)]
    [InlineData("respond", "PUT", "/api/oncall/configuration", 403)]
    [InlineData("administer", "PUT", "/api/oncall/configuration", 200)]
    [InlineData(null, "POST", "/api/incidents", 200)] // a key without scopes responds
    [InlineData(null, "PUT", "/api/oncall/configuration", 403)]
    public async Task A_key_may_do_what_its_scope_grants(string? scope, string method, string path, int expected)
    {
        var (http, ran) = await SendAsync(Keys(("ci", "platform", scope)), method, path);

        Assert.Equal(expected, http.Response.StatusCode);
        Assert.Equal(expected == 200, ran);
    }

    [Fact]
    public async Task A_403_names_the_role_the_request_needs_and_the_one_the_caller_has()
    {
        var (http, _) = await SendAsync(Keys(("ci", "platform", "respond")), "PUT", "/api/oncall/configuration");
        var problem = Body(http);

        Assert.Equal("auth.forbidden", problem.GetProperty("code").GetString());
        Assert.Equal("This needs the Administer role (IncidentFlows.Administer); the caller has Respond only.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_key_of_another_team_is_refused_with_a_401_that_says_whose_it_is()
    {
        var (http, ran) = await SendAsync(Keys(("payments-bridge", "payments", "administer")), "GET", "/api/incidents");

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.StartsWith("The API key 'payments-bridge' belongs to team 'payments'; this server serves team 'platform'.", Body(http).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("error_description=\"The API key 'payments-bridge' belongs to team 'payments'", http.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_without_a_credential_says_how_to_authenticate()
    {
        var (http, _) = await SendAsync(Keys(("ci", "platform", null)), "GET", "/api/incidents", presentKey: false);

        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.Equal("ApiKey realm=\"IncidentFlows\"", http.Response.Headers.WWWAuthenticate.ToString());
        Assert.Contains("X-Api-Key", Body(http).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_with_a_scope_that_is_not_one_is_refused()
    {
        var (http, ran) = await SendAsync(Keys(("ci", "platform", "everything")), "GET", "/api/incidents");

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
    }

    [Fact]
    public async Task The_local_developer_may_do_everything_in_development_mode()
    {
        var (http, ran) = await SendAsync(Keys(("ci", "platform", "read")), "PUT", "/api/oncall/configuration", presentKey: false, developmentMode: true);

        Assert.True(ran);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
    }

    private static IConfiguration Keys(params (string Name, string Team, string? Scope)[] keys)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"IncidentFlows:ApiKeys:Keys:{i}:Name"] = keys[i].Name;
            settings[$"IncidentFlows:ApiKeys:Keys:{i}:Team"] = keys[i].Team;
            settings[$"IncidentFlows:ApiKeys:Keys:{i}:Sha256"] = ApiKeys.Hash(Key);
            if (keys[i].Scope is { } scope)
            {
                settings[$"IncidentFlows:ApiKeys:Keys:{i}:Scopes:0"] = scope;
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static async Task<(HttpContext Http, bool Ran)> SendAsync(
        IConfiguration configuration, string method, string path, bool presentKey = true, bool developmentMode = false)
    {
        var options = new IncidentFlowsOptions { DevelopmentMode = developmentMode };
        options.Team.Id = "platform";
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddIncidentFlowsSecurity(configuration, options);
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        if (presentKey)
        {
            http.Request.Headers["X-Api-Key"] = Key;
        }

        var ran = false;
        var result = await ApiAuthorization.RunAsync(http, _ => { ran = true; return Results.Ok(); });
        await result.ExecuteAsync(http);
        return (http, ran);
    }

    private static JsonElement Body(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return JsonDocument.Parse(http.Response.Body).RootElement.Clone();
    }
}
