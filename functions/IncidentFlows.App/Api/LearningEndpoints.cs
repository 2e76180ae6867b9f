using IncidentFlows.App.Incidents;
using IncidentFlows.App.OnCall;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace IncidentFlows.App.Api;

/// <summary>Timelines, postmortems and metrics: generated from the stored events on every request, so always current.</summary>
public static class LearningEndpoints
{
    /// <summary>Five years: every incident in it is loaded, so the period a request may ask for is bounded.</summary>
    public static readonly Duration MaxMetricsPeriod = Duration.FromDays(5 * 366);

    public static IEndpointRouteBuilder MapLearningApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(IncidentEndpoints.ApiPolicy);
        api.MapGet("/incidents/{id}/timeline", TimelineAsync).Answers(null, "application/json", "text/markdown")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapGet("/incidents/{id}/postmortem", PostmortemAsync).Answers(typeof(string), "text/markdown", "text/html")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapGet("/metrics", MetricsAsync).Answers(typeof(MetricsView), "application/json", "text/csv").Problems(StatusCodes.Status400BadRequest);
        return routes;
    }

    public static async Task<IResult> TimelineAsync(string id, string? tz, string? format, HttpContext http, IncidentRepository incidents)
    {
        if (await HistoryAsync(id, incidents, http.RequestAborted) is not { Count: > 0 } history)
        {
            return ApiProblems.NotFound(id);
        }

        return TimelineRenderer.Render(history, tz) switch
        {
            TimelineResult.Refused refused => ApiProblems.From(refused.Error),
            TimelineResult.Rendered { Timeline: var timeline } when Wants(http, format, "markdown") =>
                Results.Text(timeline.ToMarkdown(), "text/markdown; charset=utf-8"),
            TimelineResult.Rendered { Timeline: var timeline } => Results.Ok(new
            {
                zone = timeline.Zone.Id,
                rows = timeline.Rows.Select(r => new { r.Sequence, at = r.At, local = r.LocalText, r.Kind, r.Who, r.Text, r.Pinned }),
            }),
            _ => throw new InvalidOperationException("Unknown timeline result."),
        };
    }

    public static async Task<IResult> PostmortemAsync(string id, string? tz, string? format, HttpContext http, IncidentRepository incidents, TeamConfigurations teams)
    {
        if (await HistoryAsync(id, incidents, http.RequestAborted) is not { Count: > 0 } history)
        {
            return ApiProblems.NotFound(id);
        }

        if (ViewerZones.Find(tz ?? teams.Current.Zone.Id) is not ZoneLookup.Found { Zone: var zone } )
        {
            return ApiProblems.Invalid("tz", $"'{tz}' is not an IANA time zone such as Europe/London.");
        }

        var input = new PostmortemInput(history, Impact(history, teams), zone);
        return Wants(http, format, "html")
            ? Results.Text(PostmortemHtml.Render(input), "text/html; charset=utf-8")
            : Results.Text(PostmortemWriter.Markdown(input), "text/markdown; charset=utf-8");
    }

    public static async Task<IResult> MetricsAsync(string? from, string? to, string? format, HttpContext http, IIncidentIndex index, IncidentRepository incidents, ITeamContextSource team, TimeProvider clock)
    {
        var (fromValue, fromProblem) = QueryInstants.Parse(from, "from");
        var (toValue, toProblem) = QueryInstants.Parse(to, "to");
        if ((fromProblem ?? toProblem) is { } problem)
        {
            return problem;
        }

        var end = toValue ?? Instant.FromDateTimeOffset(clock.GetUtcNow());
        var start = fromValue ?? end - Duration.FromDays(90);
        if (start >= end)
        {
            return ApiProblems.Invalid("from", "'from' must be before 'to'.");
        }

        if (end - start > MaxMetricsPeriod)
        {
            return ApiProblems.Invalid("from", $"A metrics period is at most {MaxMetricsPeriod.Days} days; 'from' and 'to' are {(end - start).Days} days apart.");
        }

        var period = new Interval(start, end);
        var states = new List<Incident>();
        string? token = null;
        do
        {
            var page = await index.ListByTeamAsync(team.Current.TeamId, null, 200, token, http.RequestAborted);
            foreach (var summary in page.Items.Where(s => period.Contains(Instant.FromDateTimeOffset(s.DeclaredAt))))
            {
                if ((await incidents.LoadAsync(new IncidentId(summary.Id), http.RequestAborted)).State is { } state)
                {
                    states.Add(state);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        var report = IncidentMetrics.Over(states, period, team.Current.Zone);
        return Wants(http, format, "csv")
            ? Results.Text(MetricsCsv.Incidents(IncidentMetrics.Counted(states), period), "text/csv; charset=utf-8")
            : Results.Ok(MetricsView.Of(report));
    }

    private static async Task<IReadOnlyList<IncidentEvent>?> HistoryAsync(string id, IncidentRepository incidents, CancellationToken ct) =>
        IncidentIds.IsWellFormed(id) ? await incidents.LoadEventsAsync(new IncidentId(id), ct) : null;

    internal static ServiceImpact[] Impact(IReadOnlyList<IncidentEvent> history, TeamConfigurations teams)
    {
        if (history[0] is not IncidentEvent.Declared { Service: { } service })
        {
            return [];
        }

        return teams.Configuration.Services.TryGetValue(service, out var s)
            ? [new ServiceImpact(s.Name, s.TeamId, CustomerImpactText(s.Impact))]
            : [new ServiceImpact(service, null, null)];
    }

    private static string? CustomerImpactText(Domain.OnCall.CustomerImpact? impact) => impact switch
    {
        null => null,
        { NotableCustomers.Count: > 0 } i => $"tier {i.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; notable customers: {string.Join(", ", i.NotableCustomers)}",
        { } i => $"tier {i.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}",
    };

    private static bool Wants(HttpContext http, string? format, string kind) =>
        string.Equals(format, kind, StringComparison.OrdinalIgnoreCase)
        || (format is null && http.Request.Headers.Accept.ToString().Contains(kind == "markdown" ? "text/markdown" : $"text/{kind}", StringComparison.OrdinalIgnoreCase));
}
