using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IncidentFlows.App.Web;

/// <summary>The pages' routes in the standalone server; the Functions host has one trigger per route (WebHttpFunctions).</summary>
public static class WebEndpoints
{
    public static IEndpointRouteBuilder MapWeb(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/web/{name}", (string name, HttpContext http) => WebAssets.Get(name, http)).AllowAnonymous();
        var pages = routes.MapGroup("").RequireAuthorization(WebServiceCollectionExtensions.PagePolicy).DisableAntiforgery();
        pages.MapGet("/", WebPages.IncidentsAsync);
        pages.MapGet("/incidents/{id}", WebPages.IncidentAsync);
        pages.MapGet("/incidents/{id}/postmortem", WebPages.PostmortemAsync);
        pages.MapPost("/incidents/{id}/{action}", WebPages.CommandAsync); // validates its own antiforgery token
        pages.MapGet("/oncall", WebPages.OnCallAsync);
        pages.MapGet("/metrics", WebPages.MetricsAsync);
        return routes;
    }
}
