using IncidentFlows.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Settings: local.settings.sample.json. Registrations: FunctionsHostServices (shared with the host's tests).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddIncidentFlowsFunctionsHost(builder.Configuration);
builder.Build().Run();
