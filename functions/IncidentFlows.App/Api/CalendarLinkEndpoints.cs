using System.Security.Claims;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Security;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.OnCall;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Api;

public sealed record CalendarLinkBody(string? Person = null);

/// <summary>A secret calendar link: whose calendar, the URL to subscribe to, and how to revoke it.</summary>
public sealed record CalendarLinkView(string Person, Uri Url, string Revoke);

/// <summary>
/// Secret calendar links (docs/api.md): Outlook and Google Calendar subscribe to a URL and cannot send a
/// credential, so the link is the credential. Only its token's SHA-256 is stored; a person makes and revokes
/// links to their own calendar, a service principal to anyone's. The feed answers 404 to any other token.
/// </summary>
public static class CalendarLinkEndpoints
{
    public const string LinksPath = "/api/oncall/calendar-links";

    public static IEndpointRouteBuilder MapCalendarLinks(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(LinksPath).RequireAuthorization(IncidentEndpoints.ApiPolicy);
        api.MapPost("", CreateAsync).Reads<CalendarLinkBody>(optional: true).Answers<CalendarLinkView>(StatusCodes.Status201Created)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        api.MapDelete("/{person}", RevokeAsync).Answers(null, "application/json").Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        routes.MapGet("/calendar/{token}.ics", FeedAsync).AllowAnonymous().Answers(typeof(string), "text/calendar").Problems(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>POST /api/oncall/calendar-links: a new link to the caller's calendar (or, from a service principal, to <c>person</c>'s).</summary>
    public static async Task<IResult> CreateAsync(HttpContext http, TeamConfigurations teams, ICalendarLinks links, IOptions<IncidentFlowsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (body, problem) = await JsonBody.ReadAsync(http.Request, http.RequestAborted, new CalendarLinkBody());
        if (problem is not null)
        {
            return problem;
        }

        var (person, refused) = Whose(http.User, body!.Person, teams.Configuration.People);
        if (refused is not null)
        {
            return refused;
        }

        var token = ApiKeys.NewKey().Replace(ApiKeys.Prefix, "ifc_", StringComparison.Ordinal);
        await links.AddAsync(teams.Current.TeamId, ApiKeys.Hash(token), person!.Id, http.RequestAborted);
        var url = new Uri(BaseUrl(http, options.Value), $"calendar/{token}.ics");
        return Results.Created(url, new CalendarLinkView(person.Id, url, $"DELETE {LinksPath}/{person.Id} revokes every link to this calendar."));
    }

    /// <summary>DELETE /api/oncall/calendar-links/{person}: revokes every link to the person's calendar at once.</summary>
    public static async Task<IResult> RevokeAsync(string person, HttpContext http, TeamConfigurations teams, ICalendarLinks links)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Whose(http.User, person, teams.Configuration.People) is { Problem: { } refused })
        {
            return refused;
        }

        var revoked = await links.RevokeAsync(teams.Current.TeamId, person, http.RequestAborted);
        return Results.Ok(new { person, revoked });
    }

    /// <summary>GET /calendar/{token}.ics: the person's on-call calendar, for a link that was issued and not revoked.</summary>
    public static async Task<IResult> FeedAsync(string token, HttpContext http, ICalendarLinks links, TeamConfigurations teams, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        var person = token.Length is > 0 and <= 100 ? await links.FindPersonAsync(teams.Current.TeamId, ApiKeys.Hash(token), http.RequestAborted) : null;
        return person is not null && teams.Configuration.People.ContainsKey(person)
            ? OnCallEndpoints.Calendar(schedule: null, person, weeks: null, teams, clock)
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such calendar link; it may have been revoked. Ask for a new one.", "calendar.not_found");
    }

    private static (TeamMember? Person, IResult? Problem) Whose(ClaimsPrincipal user, string? requested, IReadOnlyDictionary<string, TeamMember> people)
    {
        var own = people.Values.FirstOrDefault(m => string.Equals(m.Teams.EntraObjectId.ToString(), Callers.CallerId(user), StringComparison.OrdinalIgnoreCase));
        if (requested is null or { Length: 0 })
        {
            return own is null
                ? (null, ApiProblems.Invalid("person", "Say whose calendar: person, the id of someone in the team's configuration."))
                : (own, null);
        }

        if (!people.TryGetValue(requested.Trim(), out var member))
        {
            return (null, ApiProblems.Invalid("person", $"There is nobody '{requested}' in the team's configuration."));
        }

        return member == own || Callers.IsServicePrincipal(user)
            ? (member, null)
            : (null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "Forbidden", "A person makes and revokes links to their own calendar only; a service principal (an API key) may do it for anyone.", "auth.forbidden"));
    }

    private static Uri BaseUrl(HttpContext http, IncidentFlowsOptions options) =>
        options.Teams.PublicBaseUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
}
