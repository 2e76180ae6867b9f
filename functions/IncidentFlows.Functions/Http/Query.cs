using Microsoft.AspNetCore.Http;

namespace IncidentFlows.Functions.Http;

/// <summary>Query-string values as minimal APIs bind them for the server: absent is null (numbers are read by the handlers, QueryNumbers).</summary>
internal static class Query
{
    public static string? Text(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
