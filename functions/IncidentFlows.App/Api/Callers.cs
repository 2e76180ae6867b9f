using System.Security.Claims;
using IncidentFlows.App.Security;
using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Api;

/// <summary>
/// Who a request acts as: the authenticated caller. A service principal (an API key, an app-only Entra
/// token, the local developer) may name the person it acts for in <c>by</c>, and is then recorded as acting
/// on their behalf; a person acts as themselves only (<see cref="OnBehalfProblem"/>).
/// </summary>
public static class Callers
{
    public static Person Actor(ClaimsPrincipal user, PersonBody? by)
    {
        var caller = Caller(user);
        return by is { Id: { Length: > 0 } } && IsServicePrincipal(user) ? Named(by) with { Via = caller.Name } : caller;
    }

    /// <summary>A person a body names (an assignee): as given, whoever sends it.</summary>
    public static Person Named(PersonBody person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var id = (person.Id ?? "").Trim();
        return new Person(id, string.IsNullOrWhiteSpace(person.Name) ? id : person.Name.Trim());
    }

    /// <summary>A person naming someone else in <paramref name="field"/>: refused, since only a service principal acts for others.</summary>
    public static InputProblem? OnBehalfProblem(ClaimsPrincipal user, PersonBody? by, string field) =>
        by is { Id: { Length: > 0 } id } && !IsServicePrincipal(user) && id.Trim() != Caller(user).Id
            ? new InputProblem(field, $"Only a service principal (an API key or an application) may act on behalf of someone; you act as yourself, so leave '{field}' out.")
            : null;

    /// <summary>The caller's stable id: an Entra object id, apikey:name, or developer.</summary>
    public static string CallerId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("oid") ?? "anonymous";
    }

    private static Person Caller(ClaimsPrincipal user)
    {
        var id = CallerId(user);
        return new Person(id, user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("name") ?? id);
    }

    public static bool IsServicePrincipal(ClaimsPrincipal user) => user.HasClaim(TeamClaims.ServicePrincipal, "true");
}
