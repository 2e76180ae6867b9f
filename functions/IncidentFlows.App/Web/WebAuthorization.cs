using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Web;

/// <summary>The page policy for the Functions host, where no authorization middleware runs in front of triggers.</summary>
public static class WebAuthorization
{
    public static async Task<IResult> RunAsync(HttpContext http, Func<HttpContext, Task<IResult>> page)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        var services = http.RequestServices;
        var policy = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(WebServiceCollectionExtensions.PagePolicy)
            ?? throw new InvalidOperationException("The page policy is not registered; call AddWeb.");
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, http);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, http, resource: null);
        if (authorization.Challenged)
        {
            return Results.Challenge(authenticationSchemes: [.. policy.AuthenticationSchemes]);
        }

        return authorization.Forbidden ? Results.Forbid(authenticationSchemes: [.. policy.AuthenticationSchemes]) : await page(http);
    }
}
