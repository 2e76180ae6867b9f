using System.Security.Claims;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Api;

/// <summary>Who a request acts as: the person named in the body ("by"), else the authenticated caller.</summary>
public static class Callers
{
    public static Person Actor(ClaimsPrincipal user, PersonBody? by)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (by is { Id: { Length: > 0 } id })
        {
            return new Person(id.Trim(), string.IsNullOrWhiteSpace(by.Name) ? id.Trim() : by.Name.Trim());
        }

        var callerId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        return new Person(callerId, user.FindFirstValue(ClaimTypes.Name) ?? callerId);
    }
}
