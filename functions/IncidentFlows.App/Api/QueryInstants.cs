using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.App.Api;

/// <summary>Instants in query strings: ISO-8601 UTC, or absent.</summary>
public static class QueryInstants
{
    public static (Instant? Value, IResult? Problem) Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text.Trim());
        return parsed.Success
            ? (parsed.Value, null)
            : (null, ApiProblems.Invalid(field, $"'{text}' is not an ISO-8601 UTC instant such as 2026-11-21T09:00:00Z."));
    }
}
