using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentFlows.App.Api;

/// <summary>
/// The problems ASP.NET Core writes itself under <c>/api</c> (401, 403, 404, 405, 415 from routing and authentication):
/// always <c>application/problem+json</c> with a <c>code</c>, whatever the client's Accept says, as the API's own are.
/// The default writer would fall back to plain text for <c>Accept: text/html</c>, so clients would need two error parsers.
/// </summary>
internal sealed class ApiProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        context?.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) == true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status401Unauthorized => ApiProblems.UnauthenticatedDetail(context.HttpContext),
            StatusCodes.Status403Forbidden => ApiProblems.ForbiddenDetail(context.HttpContext),
            StatusCodes.Status405MethodNotAllowed => "This path does not take that method; see /openapi/v1.json.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => null,
        };
        problem.Extensions.TryAdd("code", problem.Status switch
        {
            StatusCodes.Status400BadRequest => "input.invalid",
            StatusCodes.Status401Unauthorized => "auth.unauthenticated",
            StatusCodes.Status403Forbidden => "auth.forbidden",
            StatusCodes.Status404NotFound => "route.not_found",
            StatusCodes.Status405MethodNotAllowed => "route.method_not_allowed",
            StatusCodes.Status415UnsupportedMediaType => "input.media_type",
            _ => "http.error",
        });
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json"));
    }
}

/// <summary>Registers problem details with <see cref="ApiProblemDetailsWriter"/> ahead of the default writer.</summary>
public static class ApiProblemDetailsServiceCollectionExtensions
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ApiProblemDetailsWriter>());
        return services.AddProblemDetails();
    }
}
