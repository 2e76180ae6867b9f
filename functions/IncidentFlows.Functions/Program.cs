using IncidentFlows.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Settings: local.settings.sample.json. Registrations: FunctionsHostServices (shared with the host's tests).
var builder = FunctionsApplication.CreateBuilder(args);

// In Azure (WEBSITE_INSTANCE_ID is set) the host listens publicly; locally `func start` listens on localhost
// and sets AZURE_FUNCTIONS_ENVIRONMENT=Development.
string[] listens = Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") is { Length: > 0 } ? ["https://*"] : ["http://localhost:7071"];
var environment = Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT") is { Length: > 0 } functionsEnvironment ? functionsEnvironment : builder.Environment.EnvironmentName;
if (IncidentFlows.App.Hosting.DevelopmentModeGuard.Refusal(builder.Configuration.GetValue<bool>("IncidentFlows:DevelopmentMode"), environment, listens) is { } refusal)
{
    throw new InvalidOperationException("IncidentFlows will not start: " + refusal);
}

builder.ConfigureFunctionsWebApplication();
builder.Services.AddIncidentFlowsFunctionsHost(builder.Configuration);
builder.Build().Run();
