using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace IncidentFlows.App.Api;

/// <summary>
/// Instants in query strings: ISO-8601 UTC, or absent, and within <see cref="Earliest"/>..<see cref="Latest"/>.
/// The bounds keep time-zone arithmetic (schedules, DST, week numbers) far from the ends of NodaTime's
/// range, where it overflows; no incident or rota needs a year outside them.
/// </summary>
public static class QueryInstants
{
    public static readonly Instant Earliest = Instant.FromUtc(1970, 1, 1, 0, 0);

    public static readonly Instant Latest = Instant.FromUtc(2200, 1, 1, 0, 0);

    public static string Bounds => $"between {InstantPattern.ExtendedIso.Format(Earliest)} and {InstantPattern.ExtendedIso.Format(Latest)}";

    public static (Instant? Value, IResult? Problem) Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text.Trim());
        if (!parsed.Success)
        {
            return (null, ApiProblems.Invalid(field, $"'{text}' is not an ISO-8601 UTC instant such as 2026-11-21T09:00:00Z ({Bounds})."));
        }

        return parsed.Value < Earliest || parsed.Value > Latest
            ? (null, ApiProblems.Invalid(field, $"'{text}' is out of range: ask for an instant {Bounds}."))
            : (parsed.Value, null);
    }
}
