using System.Text.Json;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// <c>POST /api/alerts/{alertmanager|grafana|azure-monitor|generic}</c> (docs/alerts.md). Handlers live here
/// so the standalone server and the Functions host accept exactly the same alerts.
/// </summary>
public static class AlertEndpoints
{
    /// <summary>Each source and how it reads a payload; both hosts route through this table.</summary>
    public static IReadOnlyDictionary<string, Func<JsonElement, AlertReading>> Sources { get; } =
        new Dictionary<string, Func<JsonElement, AlertReading>>(StringComparer.Ordinal)
        {
            ["alertmanager"] = root => AlertmanagerAlerts.Read(root, "alertmanager"),
            ["grafana"] = root => AlertmanagerAlerts.Read(root, "grafana"),
            ["azure-monitor"] = AzureMonitorAlerts.Read,
            ["generic"] = GenericAlerts.Read,
        };

    public const string AzureMonitor = "azure-monitor";

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder routes)
    {
        foreach (var source in Sources.Keys)
        {
            var route = routes.MapPost($"/api/alerts/{source}", (HttpContext http, AlertIntake intake) => AcceptAsync(source, http, intake))
                .Reads<System.Text.Json.JsonElement>().Produces(StatusCodes.Status202Accepted, contentType: "application/json") // the source's own payload: docs/alerts.md
                .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
            // Azure action groups cannot send headers: that source proves itself with the secret in the URL instead.
            _ = source == AzureMonitor ? route.AllowAnonymous() : route.RequireAuthorization(IncidentEndpoints.ApiPolicy);
        }

        return routes;
    }

    /// <summary>One delivery from <paramref name="source"/>: 202 with what happened to each alert, or a problem.</summary>
    public static async Task<IResult> AcceptAsync(string source, HttpContext http, AlertIntake intake)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(intake);
        if (!Sources.TryGetValue(source, out var read))
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found", $"There is no alert source '{source}'.", "route.not_found");
        }

        if (source == AzureMonitor && !SecretAccepted(http))
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Unknown source secret", "The URL's secret is not one this deployment knows; check the action group's webhook URI.", "alerts.unknown_secret");
        }

        var (document, problem) = await AlertPayloads.ReadAsync(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var reading = read(document!.RootElement);
            if (reading.Batch is not { } batch)
            {
                return ApiProblems.Invalid(reading.Field!, reading.Problem!);
            }

            if (IsDrill(http, batch))
            {
                return Results.Ok(new { drill = true, alerts = batch.Alerts.Select(intake.Drill).ToList() });
            }

            var outcomes = await intake.AcceptAsync(batch, http.RequestAborted);
            return Results.Accepted(value: new { alerts = outcomes, truncatedAlerts = batch.Truncated });
        }
    }

    /// <summary>A drill checks routing without paging: <c>?test=true</c>, or a <c>test=true</c> label on every alert.</summary>
    private static bool IsDrill(HttpContext http, AlertBatch batch) =>
        string.Equals(http.Request.Query["test"], "true", StringComparison.OrdinalIgnoreCase)
        || (batch.Alerts.Count > 0 && batch.Alerts.All(a => a.Labels.TryGetValue("test", out var t) && string.Equals(t, "true", StringComparison.OrdinalIgnoreCase)));

    private static bool SecretAccepted(HttpContext http)
    {
        var services = http.RequestServices;
        return services.GetRequiredService<IOptions<IncidentFlowsOptions>>().Value.DevelopmentMode
            || services.GetRequiredService<AlertSecrets>().IsKnown(http.Request.Query["secret"]);
    }
}
