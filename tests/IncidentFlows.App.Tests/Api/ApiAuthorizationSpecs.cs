using System.Security.Claims;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Tests.Api;

/// <summary>The API policy outside endpoint routing (the Functions host) answers exactly as RequireAuthorization does.</summary>
public class ApiAuthorizationSpecs
{
    private static DefaultHttpContext Request(bool developmentMode, string? apiKey = null)
    {
        var key = ApiKeys.NewKey();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IncidentFlows:ApiKeys:Keys:0:Name"] = "ci",
            ["IncidentFlows:ApiKeys:Keys:0:Team"] = "platform",
            ["IncidentFlows:ApiKeys:Keys:0:Sha256"] = ApiKeys.Hash(apiKey ?? key),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddIncidentFlowsSecurity(configuration, new IncidentFlowsOptions { DevelopmentMode = developmentMode });
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        if (apiKey is not null)
        {
            http.Request.Headers["X-Api-Key"] = apiKey;
        }

        return http;
    }

    [Fact]
    public async Task A_request_without_credentials_is_challenged_and_the_handler_never_runs()
    {
        var http = Request(developmentMode: false);
        var ran = false;

        var result = await ApiAuthorization.RunAsync(http, _ => { ran = true; return Results.Ok(); });
        await result.ExecuteAsync(http);

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_request_with_a_valid_api_key_runs_the_handler_as_the_keys_caller()
    {
        var key = ApiKeys.NewKey();
        var http = Request(developmentMode: false, apiKey: key);
        string? caller = null;

        await ApiAuthorization.RunAsync(http, h => { caller = h.User.FindFirstValue(ClaimTypes.Name); return Results.Ok(); });

        Assert.NotNull(caller);
    }

    [Fact]
    public async Task Development_mode_lets_a_request_without_credentials_act_as_the_local_developer()
    {
        var http = Request(developmentMode: true);
        string? caller = null;

        await ApiAuthorization.RunAsync(http, h => { caller = h.User.FindFirstValue(ClaimTypes.NameIdentifier); return Results.Ok(); });

        Assert.Equal("developer", caller);
    }
}
