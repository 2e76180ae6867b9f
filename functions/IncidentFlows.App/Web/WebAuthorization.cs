using IncidentFlows.App.Api;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Web;

/// <summary>The page policy for the Functions host, where no authorization middleware runs in front of triggers.</summary>
public static class WebAuthorization
{
    public static Task<IResult> RunAsync(HttpContext http, Func<HttpContext, Task<IResult>> page) =>
        ApiAuthorization.RunUnderPolicyAsync(http, WebServiceCollectionExtensions.PagePolicy, page);
}
