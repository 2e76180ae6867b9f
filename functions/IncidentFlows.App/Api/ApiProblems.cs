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

    /// <summary>401: how to authenticate, and why a presented credential was refused.</summary>
    public static IResult Unauthenticated(HttpContext http) =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized", UnauthenticatedDetail(http), "auth.unauthenticated");

    /// <summary>403: the role the request needs and the one the caller has.</summary>
    public static IResult Forbidden(HttpContext http) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", ForbiddenDetail(http), "auth.forbidden");

    public static string UnauthenticatedDetail(HttpContext http) =>
        (Security.ApiKeyAuthenticationHandler.Failure(http) is { } failure ? failure + " " : "")
        + "Send a credential: Authorization: ApiKey <key> (or X-Api-Key: <key>), or an Entra ID bearer token.";

    public static string ForbiddenDetail(HttpContext http) =>
        Security.AccessRequirementHandler.Refusal(http) ?? "The caller may not do this.";

    public static IResult NotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"There is no incident {id}.", "incident.not_found");

    public static IResult Problem(int status, string title, string detail, string code) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
