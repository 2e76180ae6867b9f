using IncidentFlows.App.Alerts;
using IncidentFlows.App.Api;
using IncidentFlows.App.Durable;
using IncidentFlows.App.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The same App layer as the standalone server (AddIncidentFlows), driven by Durable Functions instead of
// the embedded scheduler (AddIncidentFlowsDurable). Settings: local.settings.sample.json.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddIncidentFlows(builder.Configuration);
builder.Services.AddIncidentFlowsDurable();
builder.Services.AddAlerts(builder.Configuration);
builder.Build().Run();
