using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Api;

/// <summary>
/// Whole numbers in query strings, read by the handler rather than by parameter binding, so <c>?pageSize=x</c> is a
/// problem naming the field on both hosts (minimal APIs throw on a failed binding in development, a 500 there).
/// </summary>
public static class QueryNumbers
{
    public static (int? Value, IResult? Problem) Parse(string? text, string field) => text switch
    {
        null or "" => (null, null),
        _ when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => (n, null),
        _ => (null, ApiProblems.Invalid(field, $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a whole number.")),
    };
}
