using IncidentFlows.Domain.Incidents;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Api;

/// <summary>
/// Errors as <c>application/problem+json</c> (RFC 9457): a title, the message a person can act on,
/// the domain code, and for input errors <c>errors: { field: [message] }</c>.
/// </summary>
public static class ApiProblems
{
    public static IResult From(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Code switch
        {
            "input.invalid" => StatusCodes.Status400BadRequest,
            "incident.not_found" => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        if (error.Code.EndsWith(".not_found", StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", error.Message, error.Code); // a missing action item is absent, not invalid
        }

        return error.Field is { } field
            ? Invalid(field, error.Message)
            : Problem(status, status == StatusCodes.Status404NotFound ? "Not found" : "Not possible now", error.Message, error.Code);
    }

    public static IResult Invalid(string field, string message) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        detail: message,
        title: "The request is not valid",
        extensions: new Dictionary<string, object?> { ["code"] = "input.invalid" });

    public static IResult NotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"There is no incident {id}.", "incident.not_found");

    public static IResult Problem(int status, string title, string detail, string code) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
