using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Api;

/// <summary>
/// What the OpenAPI document says about an endpoint: the handlers read their bodies themselves (to answer bad input
/// with a problem naming the field), so the body, the answer and the problem statuses are declared here.
/// Every API endpoint may also answer 401 and 403.
/// </summary>
public static class ApiDescriptions
{
    public static RouteHandlerBuilder Reads<TBody>(this RouteHandlerBuilder endpoint, bool optional = false) => endpoint.Reads(typeof(TBody), optional);

    public static RouteHandlerBuilder Reads(this RouteHandlerBuilder endpoint, Type body, bool optional) =>
        endpoint.Accepts(body, optional, "application/json");

    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder endpoint, int status = StatusCodes.Status200OK) =>
        endpoint.Produces<T>(status, "application/json");

    /// <summary>An answer in <paramref name="contentType"/> (and <paramref name="more"/>: Markdown, HTML, CSV, iCalendar as asked).</summary>
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder endpoint, Type? body, string contentType, params string[] more) =>
        endpoint.Produces(StatusCodes.Status200OK, body, contentType, more);

    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses.Append(StatusCodes.Status401Unauthorized).Append(StatusCodes.Status403Forbidden))
        {
            _ = status == StatusCodes.Status400BadRequest ? endpoint.ProducesValidationProblem() : endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
