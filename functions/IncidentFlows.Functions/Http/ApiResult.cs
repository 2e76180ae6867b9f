using IncidentFlows.App.Hosting;
using IncidentFlows.App.OnCall;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IncidentFlows.Functions.Http;

/// <summary>
/// An App handler's <see cref="IResult"/> as the <see cref="IActionResult"/> the Functions ASP.NET Core
/// integration executes; the result writes the response exactly as it does in the standalone server.
/// </summary>
internal sealed class ApiResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

/// <summary>
/// Runs an App handler behind the API policy (<see cref="App.Api.ApiAuthorization"/>). An instance that
/// started before the team's first configuration was stored loads it on its first request.
/// </summary>
internal static class HttpApi
{
    public static async Task<IActionResult> RunAsync(HttpRequest request, Func<HttpContext, Task<IResult>> handler)
    {
        var http = request.HttpContext;
        await http.Service<TeamConfigurations>().EnsureLoadedAsync(http.Service<IOptions<IncidentFlowsOptions>>().Value.Team.Id, http.RequestAborted);
        return new ApiResult(await App.Api.ApiAuthorization.RunAsync(http, handler));
    }

    /// <summary>Runs a handler that authenticates its own caller (the Azure Monitor alert source's URL secret).</summary>
    public static async Task<IActionResult> RunOwnAuthenticationAsync(HttpRequest request, Func<HttpContext, Task<IResult>> handler)
    {
        var http = request.HttpContext;
        await http.Service<TeamConfigurations>().EnsureLoadedAsync(http.Service<IOptions<IncidentFlowsOptions>>().Value.Team.Id, http.RequestAborted);
        return new ApiResult(await handler(http));
    }

    public static Task<IActionResult> RunAsync(HttpRequest request, Func<HttpContext, IResult> handler) =>
        RunAsync(request, http => Task.FromResult(handler(http)));

    public static T Service<T>(this HttpContext http)
        where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(http.RequestServices);
}
