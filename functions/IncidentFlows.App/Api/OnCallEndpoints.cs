using IncidentFlows.App.OnCall;
using IncidentFlows.Domain.OnCall;
using IncidentFlows.Domain.OnCall.Calendar;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace IncidentFlows.App.Api;

/// <summary>Who is on call, coverage gaps, calendar feeds, and replacing the team's configuration.</summary>
public static class OnCallEndpoints
{
    public static IEndpointRouteBuilder MapOnCallApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/oncall").RequireAuthorization(IncidentEndpoints.ApiPolicy);
        api.MapGet("", WhoIsOnCall).Answers(null, "application/json").Problems(StatusCodes.Status400BadRequest);
        api.MapGet("/schedules/{id}/coverage", Coverage).Answers(null, "application/json").Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapGet("/calendar.ics", Calendar).Answers(typeof(string), "text/calendar").Problems(StatusCodes.Status400BadRequest);
        api.MapPut("/configuration", ReplaceConfigurationAsync).Reads<System.Text.Json.JsonElement>().Answers(null, "application/json") // the document: docs/oncall-config.md
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    /// <summary>Each level of a policy (default: the team's) and who it would page at <paramref name="at"/> (default: now).</summary>
    public static IResult WhoIsOnCall(string? at, string? policy, TeamConfigurations teams, TimeProvider clock)
    {
        var (instant, problem) = InstantOr(at, "at", clock);
        if (problem is not null)
        {
            return problem;
        }

        var configuration = teams.Configuration;
        var policyId = policy ?? configuration.Team.DefaultPolicyId;
        if (!configuration.Policies.TryGetValue(policyId, out var chosen))
        {
            return ApiProblems.Invalid("policy", $"There is no escalation policy '{policyId}'; known: {string.Join(", ", configuration.Policies.Keys)}.");
        }

        var directory = teams.Current.OnCall;
        return Results.Ok(new
        {
            at = instant,
            policy = chosen.Id,
            levels = chosen.Levels.Select((level, i) => new
            {
                level = i + 1,
                ackTimeoutMinutes = level.AckTimeout.TotalMinutes,
                responders = directory.RespondersAt(chosen.Id, i, instant),
            }),
        });
    }

    public static IResult Coverage(string id, string? from, string? to, TeamConfigurations teams, TimeProvider clock)
    {
        if (!teams.Configuration.Schedules.TryGetValue(id, out var schedule))
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", $"There is no schedule '{id}'.", "schedule.not_found");
        }

        var (start, fromProblem) = InstantOr(from, "from", clock);
        if (fromProblem is not null)
        {
            return fromProblem;
        }

        var (end, toProblem) = to is null ? (start + Duration.FromDays(7), null) : InstantOr(to, "to", clock);
        if (toProblem is not null)
        {
            return toProblem;
        }

        if (end <= start || end - start > Duration.FromDays(366))
        {
            return ApiProblems.Invalid("to", "'to' must be after 'from' and at most a year later.");
        }

        var coverage = schedule.CoverageOver(new Interval(start, end));
        return Results.Ok(new
        {
            schedule = id,
            gapFree = coverage.IsGapFree,
            segments = coverage.Segments.Select(s => new { start = s.Span.Start, end = s.Span.End, people = s.People, gap = s is CoverageSegment.Gap }),
        });
    }

    public static IResult Calendar(string? schedule, string? person, string? weeks, TeamConfigurations teams, TimeProvider clock)
    {
        var (count, problem) = QueryNumbers.Parse(weeks, "weeks");
        if (problem is not null)
        {
            return problem;
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var span = count ?? 4;
        if (span is < 1 or > 52)
        {
            return ApiProblems.Invalid("weeks", "weeks is 1 to 52.");
        }

        var configuration = teams.Configuration;
        string? ics = (schedule, person) switch
        {
            ({ } s, null) when configuration.Schedules.ContainsKey(s) => OnCallCalendar.ForSchedule(configuration, s, now, span, now),
            (null, { } p) when configuration.People.ContainsKey(p) => OnCallCalendar.ForPerson(configuration, p, now, span, now),
            _ => null,
        };
        return ics is null
            ? ApiProblems.Invalid(schedule is null ? "person" : "schedule", "Name exactly one known schedule or person: ?schedule=… or ?person=….")
            : Results.Text(ics, "text/calendar; charset=utf-8");
    }

    public static async Task<IResult> ReplaceConfigurationAsync(HttpContext http, TeamConfigurations teams, Microsoft.Extensions.Options.IOptions<Hosting.IncidentFlowsOptions> options)
    {
        if (http.Request.ContentLength > 900 * 1024)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", "A team configuration is at most 900 KiB.", "input.too_large");
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = await reader.ReadToEndAsync(http.RequestAborted);
        var serverTeam = options.Value.Team.Id is { Length: > 0 } configured ? configured : teams.IsLoaded ? teams.Current.TeamId : null;
        var problems = await teams.ReplaceAsync(json, serverTeam, http.RequestAborted);
        if (problems.Count == 0)
        {
            return Results.Ok(new { team = teams.Current.TeamId, loaded = true });
        }

        return Results.ValidationProblem(
            problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: $"The configuration has {problems.Count} problem(s); nothing was changed.",
            title: "The team configuration is not valid",
            extensions: new Dictionary<string, object?> { ["code"] = "config.invalid" });
    }

    private static (Instant Value, IResult? Problem) InstantOr(string? text, string field, TimeProvider clock) =>
        QueryInstants.Parse(text, field) is var (value, problem) ? (value ?? Instant.FromDateTimeOffset(clock.GetUtcNow()), problem) : default;
}
