using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Api;

/// <summary>
/// The API policy (<see cref="IncidentEndpoints.ApiPolicy"/>) for hosts whose requests do not pass
/// through ASP.NET Core's endpoint routing and authorization middleware (Azure Functions): it
/// authenticates and authorizes exactly as <c>RequireAuthorization</c> does, then runs the handler.
/// </summary>
public static class ApiAuthorization
{
    public static Task<IResult> RunAsync(HttpContext http, Func<HttpContext, Task<IResult>> handler) =>
        RunUnderPolicyAsync(http, IncidentEndpoints.ApiPolicy, handler);

    /// <summary>The same for any named policy (the web pages' policy, for one).</summary>
    public static async Task<IResult> RunUnderPolicyAsync(HttpContext http, string policyName, Func<HttpContext, Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(handler);
        var services = http.RequestServices;
        var policy = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(policyName)
            ?? throw new InvalidOperationException($"The {policyName} policy is not registered.");
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, http); // sets http.User on success
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, http, resource: http);
        var api = http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        if (authorization.Challenged)
        {
            if (!api)
            {
                return Results.Challenge(authenticationSchemes: [.. policy.AuthenticationSchemes]); // a page's sign-in
            }

            foreach (var scheme in policy.AuthenticationSchemes)
            {
                await http.ChallengeAsync(scheme); // WWW-Authenticate
            }

            return ApiProblems.Unauthenticated(http);
        }

        if (authorization.Forbidden)
        {
            return api ? ApiProblems.Forbidden(http) : Results.Forbid(authenticationSchemes: [.. policy.AuthenticationSchemes]);
        }

        return await handler(http);
    }

    /// <summary>Runs a handler that returns a result synchronously.</summary>
    public static Task<IResult> RunAsync(HttpContext http, Func<HttpContext, IResult> handler) =>
        RunAsync(http, h => Task.FromResult(handler(h)));
}
