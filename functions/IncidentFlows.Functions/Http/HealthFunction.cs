using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IncidentFlows.Functions.Http;

/// <summary>GET /healthz, anonymous, as on the standalone server.</summary>
public static class HealthFunction
{
    [Function("Health")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request) =>
        new ContentResult { Content = "ok", ContentType = "text/plain", StatusCode = StatusCodes.Status200OK };
}
