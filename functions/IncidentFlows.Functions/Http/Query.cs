using System.Globalization;
using IncidentFlows.App.Api;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.Functions.Http;

/// <summary>Query-string values as minimal APIs bind them for the server: absent is null, a malformed number is a 400.</summary>
internal static class Query
{
    public static string? Text(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static (int? Value, IResult? Problem) Number(HttpContext http, string name) => Text(http, name) switch
    {
        null => (null, null),
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => (n, null),
        var text => (null, ApiProblems.Invalid(name, $"'{text}' is not a whole number.")),
    };
}
