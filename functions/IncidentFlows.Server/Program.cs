using IncidentFlows.App.Alerts;
using IncidentFlows.App.Api;
using IncidentFlows.App.Hosting;
using IncidentFlows.App.Platform.Telemetry;
using IncidentFlows.App.Security;
using IncidentFlows.App.Teams;
using IncidentFlows.App.Web;

if (args is ["new-api-key", var team, var name])
{
    // Prints a fresh key once and the entry to store; only the hash is ever stored.
    var key = ApiKeys.NewKey();
    Console.WriteLine($"API key for {name} (team {team}), shown once: {key}");
    Console.WriteLine($$"""Add to IncidentFlows:ApiKeys:Keys: { "Name": "{{name}}", "Team": "{{team}}", "Sha256": "{{ApiKeys.Hash(key)}}" }""");
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddJsonFile(builder.Configuration["IncidentFlows:ApiKeysFile"] ?? "apikeys.json", optional: true, reloadOnChange: true);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddIncidentFlows(builder.Configuration);
builder.Services.AddIncidentFlowsTelemetry(builder.Configuration, "IncidentFlows.Server");
builder.Services.AddIncidentScheduler(builder.Configuration);
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
