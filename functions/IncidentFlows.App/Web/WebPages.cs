using System.Security.Claims;
using IncidentFlows.App.Api;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Sweeps;
using IncidentFlows.App.Web.Pages;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.App.Web;

/// <summary>
/// The page handlers, shared by both hosts (the server maps them; the Functions host calls them from
/// triggers). They read through the same read side as the API and never compute what it computes.
/// Bad query input is a problem+json 400 naming the field, as in the API.
/// </summary>
public static class WebPages
{
    private const int ListSize = 100;

    public static async Task<IResult> IncidentsAsync(HttpContext http, IIncidentIndex index, IncidentRepository incidents, TeamConfigurations teams, TimeProvider clock, PageRenderer pages)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query;
        var status = Blank(query["status"]);
        var severity = Blank(query["severity"]);
        var service = Blank(query["service"]);
        if (status is not null && IncidentStatuses.Parse(status) is null)
        {
            return ApiProblems.Invalid("status", $"'{status}' is not a status.");
        }

        if (severity is not null && SeverityNames.Parse(severity) is null)
        {
            return ApiProblems.Invalid("severity", $"'{severity}' is not a severity; use SEV0 to SEV4.");
        }

        var filter = new IncidentFilter(IncidentStatuses.Parse(status), SeverityNames.Parse(severity), service);
        var page = await index.ListByTeamAsync(teams.Current.TeamId, status?.Trim().ToLowerInvariant(), ListSize, null, http.RequestAborted);
        var states = new List<Incident>(page.Items.Count);
        foreach (var summary in page.Items)
        {
            if ((await incidents.LoadAsync(new IncidentId(summary.Id), http.RequestAborted)).State is { } state && filter.Matches(state))
            {
                states.Add(state);
            }
        }

        return await pages.PageAsync<IncidentsPage>(new Dictionary<string, object?>
        {
            [nameof(IncidentsPage.Viewer)] = ViewerName(http.User),
            [nameof(IncidentsPage.Incidents)] = IncidentListing.Order(states),
            [nameof(IncidentsPage.Filter)] = filter,
            [nameof(IncidentsPage.Services)] = teams.Configuration.Services.Keys.Order(StringComparer.Ordinal).ToList(),
            [nameof(IncidentsPage.Now)] = Now(clock),
        });
    }

    public static async Task<IResult> IncidentAsync(string id, HttpContext http, IncidentRepository incidents, TeamConfigurations teams, TimeProvider clock, PageRenderer pages, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ZoneOf(http, teams) is not ZoneLookup.Found { Zone: var zone })
        {
            return ApiProblems.Invalid("tz", $"'{http.Request.Query["tz"]}' is not an IANA time zone such as Europe/London.");
        }

        if (!IncidentIds.IsWellFormed(id) || (await incidents.LoadAsync(new IncidentId(id), http.RequestAborted)).State is not { } state)
        {
            return ApiProblems.NotFound(id);
        }

        var history = await incidents.LoadEventsAsync(state.Id, http.RequestAborted);
        var service = state.Service is { } s && teams.Configuration.Services.TryGetValue(s, out var known) ? known : null;
        var tokens = antiforgery.GetAndStoreTokens(http);
        var model = new IncidentPageModel(state, history, Timeline.Of(history, zone), service, Now(clock), Done(Blank(http.Request.Query["done"])));
        return await pages.PageAsync<IncidentPage>(new Dictionary<string, object?>
        {
            [nameof(IncidentPage.Viewer)] = ViewerName(http.User),
            [nameof(IncidentPage.Model)] = model,
            [nameof(IncidentPage.Token)] = new FormToken(tokens.FormFieldName, tokens.RequestToken ?? ""),
            [nameof(IncidentPage.Zones)] = ViewerZoneChoices.Ids,
        });
    }

    public static async Task<IResult> PostmortemAsync(string id, HttpContext http, IncidentRepository incidents, TeamConfigurations teams, PageRenderer pages)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ZoneOf(http, teams) is not ZoneLookup.Found { Zone: var zone })
        {
            return ApiProblems.Invalid("tz", $"'{http.Request.Query["tz"]}' is not an IANA time zone such as Europe/London.");
        }

        var history = IncidentIds.IsWellFormed(id) ? await incidents.LoadEventsAsync(new IncidentId(id), http.RequestAborted) : [];
        if (history.Count == 0)
        {
            return ApiProblems.NotFound(id);
        }

        var input = new PostmortemInput(history, LearningEndpoints.Impact(history, teams), zone);
        return await pages.PageAsync<PostmortemPage>(new Dictionary<string, object?>
        {
            [nameof(PostmortemPage.Viewer)] = ViewerName(http.User),
            [nameof(PostmortemPage.Title)] = $"Postmortem {id}",
            [nameof(PostmortemPage.IncidentId)] = id,
            [nameof(PostmortemPage.Html)] = PostmortemHtml.Render(input),
        });
    }

    public static async Task<IResult> OnCallAsync(HttpContext http, TeamConfigurations teams, TimeProvider clock, PageRenderer pages)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (at, problem) = QueryInstants.Parse(Blank(http.Request.Query["at"]), "at");
        if (problem is not null)
        {
            return problem;
        }

        if (ZoneOf(http, teams) is not ZoneLookup.Found { Zone: var zone })
        {
            return ApiProblems.Invalid("tz", $"'{http.Request.Query["tz"]}' is not an IANA time zone such as Europe/London.");
        }

        var dayText = Blank(http.Request.Query["day"]);
        var day = dayText is null ? null : LocalDatePattern.Iso.Parse(dayText) is { Success: true } parsed ? parsed.Value : (LocalDate?)null;
        if (dayText is not null && day is null)
        {
            return ApiProblems.Invalid("day", $"'{dayText}' is not a date such as 2026-03-29.");
        }

        var picture = OnCallPicture.Of(teams.Configuration, at ?? Now(clock), zone, day);
        return await pages.PageAsync<OnCallPage>(new Dictionary<string, object?>
        {
            [nameof(OnCallPage.Viewer)] = ViewerName(http.User),
            [nameof(OnCallPage.Picture)] = picture,
            [nameof(OnCallPage.People)] = teams.Configuration.People,
            [nameof(OnCallPage.Zones)] = ViewerZoneChoices.Ids,
            [nameof(OnCallPage.Day)] = dayText,
        });
    }

    public static async Task<IResult> MetricsAsync(HttpContext http, TeamIncidents all, TeamConfigurations teams, TimeProvider clock, PageRenderer pages)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (from, fromProblem) = QueryInstants.Parse(Blank(http.Request.Query["from"]), "from");
        var (to, toProblem) = QueryInstants.Parse(Blank(http.Request.Query["to"]), "to");
        if ((fromProblem ?? toProblem) is { } problem)
        {
            return problem;
        }

        var end = to ?? Now(clock);
        var start = from ?? end - Duration.FromDays(90);
        if (start >= end)
        {
            return ApiProblems.Invalid("from", "'from' must be before 'to'.");
        }

        var period = new Interval(start, end);
        var states = new List<Incident>();
        await foreach (var state in all.AllAsync(teams.Current.TeamId, http.RequestAborted))
        {
            if (period.Contains(state.Times.Reported))
            {
                states.Add(state);
            }
        }

        return await pages.PageAsync<MetricsPage>(new Dictionary<string, object?>
        {
            [nameof(MetricsPage.Viewer)] = ViewerName(http.User),
            [nameof(MetricsPage.Report)] = IncidentMetrics.Over(states, period, teams.Current.Zone),
        });
    }

    /// <summary>
    /// POST /incidents/{id}/{action} from the homepage's forms: the same commands as the API's
    /// <c>POST /api/incidents/{id}/{action}</c>, then back to the homepage (post/redirect/get).
    /// </summary>
    public static async Task<IResult> CommandAsync(string id, string action, HttpContext http, IIncidentCommands commands, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Form expired", "The form's antiforgery token is missing or invalid; reload the page and try again.", "form.antiforgery");
        }

        if (!IncidentIds.IsWellFormed(id))
        {
            return ApiProblems.NotFound(id);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var parsed = WebCommands.Parse(action, form, http.User);
        if (parsed.Problem is { } p)
        {
            return p.Field == "action"
                ? ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", p.Message, "route.not_found")
                : ApiProblems.Invalid(p.Field, p.Message);
        }

        var result = await commands.HandleAsync(new IncidentId(id), parsed.Command!, http.RequestAborted);
        return result.Decision.Error switch
        {
            { Code: "incident.not_found" } => ApiProblems.NotFound(id),
            { } error => ApiProblems.From(error),
            null => Results.Redirect($"/incidents/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(action)}", permanent: false, preserveMethod: false),
        };
    }

    /// <summary>A fixed confirmation per action, never text from the query string.</summary>
    private static string? Done(string? action) => action switch
    {
        "acknowledge" => "Acknowledged. Escalation has stopped.",
        "join" => "You are on the responders list.",
        "status" => "Status changed.",
        "updates" => "Update posted.",
        "postmortem-review" => "Postmortem marked reviewed: the time to learn has ended.",
        _ => null,
    };

    private static ZoneLookup ZoneOf(HttpContext http, TeamConfigurations teams) =>
        ViewerZones.Find(Blank(http.Request.Query["tz"]) ?? teams.Current.Zone.Id);

    internal static string ViewerName(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    private static Instant Now(TimeProvider clock) => Instant.FromDateTimeOffset(clock.GetUtcNow());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
