using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace IncidentFlows.Functions.Http;

/// <summary>Who is on call, coverage, calendar feeds, and loading the team's configuration.</summary>
public sealed class OnCallHttpFunctions(TeamConfigurations teams, IOptions<IncidentFlowsOptions> options, ICalendarLinks links, TimeProvider clock)
{
    [Function("WhoIsOnCall")]
    public Task<IActionResult> WhoIsOnCallAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall")] HttpRequest request) =>
        HttpApi.RunAsync(request, async http =>
        {
            await RefreshAsync(http);
            return OnCallEndpoints.WhoIsOnCall(Query.Text(http, "at"), Query.Text(http, "policy"), teams, clock);
        });

    [Function("ScheduleCoverage")]
    public Task<IActionResult> CoverageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/schedules/{id}/coverage")] HttpRequest request,
        string id) =>
        HttpApi.RunAsync(request, async http =>
        {
            await RefreshAsync(http);
            return OnCallEndpoints.Coverage(id, Query.Text(http, "from"), Query.Text(http, "to"), teams, clock);
        });

    [Function("OnCallCalendar")]
    public Task<IActionResult> CalendarAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/oncall/calendar.ics")] HttpRequest request) =>
        HttpApi.RunAsync(request, async http =>
        {
            await RefreshAsync(http);
            return OnCallEndpoints.Calendar(Query.Text(http, "schedule"), Query.Text(http, "person"), Query.Text(http, "weeks"), teams, clock);
        });

    [Function("ReplaceOnCallConfiguration")]
    public Task<IActionResult> ReplaceConfigurationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/oncall/configuration")] HttpRequest request) =>
        HttpApi.RunAsync(request, http => OnCallEndpoints.ReplaceConfigurationAsync(http, teams, options));

    [Function("CreateCalendarLink")]
    public Task<IActionResult> CreateCalendarLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/oncall/calendar-links")] HttpRequest request) =>
        HttpApi.RunAsync(request, async http =>
        {
            await RefreshAsync(http);
            return await CalendarLinkEndpoints.CreateAsync(http, teams, links, options);
        });

    [Function("RevokeCalendarLinks")]
    public Task<IActionResult> RevokeCalendarLinksAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/oncall/calendar-links/{person}")] HttpRequest request,
        string person) =>
        HttpApi.RunAsync(request, async http =>
        {
            await RefreshAsync(http);
            return await CalendarLinkEndpoints.RevokeAsync(person, http, teams, links);
        });

    /// <summary>The link is the credential (calendar apps cannot send one).</summary>
    [Function("CalendarFeed")]
    public Task<IActionResult> CalendarFeedAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar/{token}.ics")] HttpRequest request,
        string token) =>
        HttpApi.RunOwnAuthenticationAsync(request, async http =>
        {
            await RefreshAsync(http);
            return await CalendarLinkEndpoints.FeedAsync(token, http, links, teams, clock);
        });

    /// <summary>Instances scale out: another one may have stored a new configuration since this one loaded it.</summary>
    private Task<bool> RefreshAsync(HttpContext http) => teams.LoadStoredAsync(options.Value.Team.Id, http.RequestAborted);
}
