using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Security;

/// <summary>The API's and pages' role check: the caller holds the role the request needs (<see cref="AccessRoles.Required"/>).</summary>
public sealed class AccessRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks <see cref="AccessRequirement"/> against the request the resource is (endpoint routing passes the
/// <see cref="HttpContext"/>, and so does <see cref="Api.ApiAuthorization"/>). A refusal names the missing role,
/// which the 403 answer repeats (<see cref="Refusal"/>).
/// </summary>
public sealed class AccessRequirementHandler : AuthorizationHandler<AccessRequirement>
{
    private const string RefusalItem = "IncidentFlows.AccessRefusal";

    /// <summary>Why the request was forbidden, for the 403 answer; null when it was not.</summary>
    public static string? Refusal(HttpContext http) => http?.Items[RefusalItem] as string;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask; // unauthenticated: the authenticated-user requirement challenges
        }

        var needed = AccessRoles.Required(http.Request);
        var held = AccessRoles.Highest(context.User);
        if (held >= needed)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var message = $"This needs the {needed} role ({AccessRoles.ClaimValue(needed)}); "
            + (held is { } h ? $"the caller has {h} only." : "the caller has none of Read, Respond or Administer.");
        http.Items[RefusalItem] = message;
        context.Fail(new AuthorizationFailureReason(this, message));
        return Task.CompletedTask;
    }
}
