using IncidentFlows.App.Alerts;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Security;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Web;
using IncidentFlows.Server.Engine;

if (args is ["new-api-key", var team, var name])
{
    // Prints a fresh key once and the entry to store; only the hash is ever stored.
    var key = ApiKeys.NewKey();
    Console.WriteLine($"API key for {name} (team {team}), shown once: {key}");
    Console.WriteLine($$"""Add to IncidentFlows:ApiKeys:Keys: { "Name": "{{name}}", "Team": "{{team}}", "Sha256": "{{ApiKeys.Hash(key)}}" }""");
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
app.MapAlertsApi();
app.MapBotEndpoint();
app.MapWeb();
app.Run();

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
