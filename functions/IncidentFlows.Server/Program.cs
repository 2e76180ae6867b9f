using IncidentFlows.App.Alerts;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Security;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Web;
using IncidentFlows.Server.Engine;

if (args is ["new-api-key", var team, var name, .. var rest] && rest.Length <= 1)
{
    // Prints a fresh key once and the entry to store; only the hash is ever stored.
    var scope = rest is [var given] ? given : "respond";
    if (AccessRoles.ParseScope(scope) is null)
    {
        Console.Error.WriteLine($"'{scope}' is not a scope: use read, respond (the default) or administer.");
        Environment.ExitCode = 2;
        return;
    }

    var key = ApiKeys.NewKey();
    Console.WriteLine($"API key for {name} (team {team}, scope {scope}), shown once: {key}");
    Console.WriteLine($$"""Add to IncidentFlows:ApiKeys:Keys: { "Name": "{{name}}", "Team": "{{team}}", "Scopes": ["{{scope}}"], "Sha256": "{{ApiKeys.Hash(key)}}" }""");
    return;
}

if (args is ["new-alert-secret"])
{
    // The Azure Monitor source's URL secret (action groups cannot send headers); URL-safe, hashed like a key.
    var secret = ApiKeys.NewKey();
    Console.WriteLine($"Azure Monitor alert secret, shown once (Bicep parameter azureMonitorAlertSecret): {secret}");
    Console.WriteLine($"Its SHA-256 (Bicep parameter azureMonitorSourceSha256, setting IncidentFlows:Alerts:Secrets:0:Sha256): {ApiKeys.Hash(secret)}");
    return;
}

var builder = WebApplication.CreateBuilder(args);
if (DevelopmentModeGuard.Refusal(builder.Configuration.GetValue<bool>("IncidentFlows:DevelopmentMode"), builder.Environment.EnvironmentName, DevelopmentModeGuard.ListenUrls(builder.Configuration)) is { } refusal)
{
    Console.Error.WriteLine("IncidentFlows will not start: " + refusal);
    Environment.ExitCode = 1;
    return;
}

builder.Configuration.AddJsonFile(builder.Configuration["IncidentFlows:ApiKeysFile"] ?? "apikeys.json", optional: true, reloadOnChange: true);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.AddApiProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddIncidentFlows(builder.Configuration);
builder.Services.AddIncidentFlowsTelemetry(builder.Configuration, "IncidentFlows.Server");
builder.Services.AddIncidentEngine(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddWeb(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapIncidentsApi();
app.MapLearningApi();
app.MapOnCallApi();
app.MapCalendarLinks();
app.MapAlertsApi();
app.MapBotEndpoint();
app.MapWeb();
app.Run();

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
