using System.Text.Json;
using IncidentFlows.App.Api;
using IncidentFlows.App.Teams.Protocol;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Teams.Inbound;

/// <summary>
/// The request body as an <see cref="Activity"/>, or the 4xx that says what is wrong with it: too big
/// (413), not JSON or a field of the wrong JSON type (400 naming the field), or failing
/// <see cref="ActivityValidation"/>. Read with a bound, whatever the host's own limits are.
/// </summary>
public static class ActivityReader
{
    /// <summary>Teams messages stop near 28 KB and cards near 40 KB; a quarter of a megabyte leaves room and bounds the work.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        var body = await BoundedAsync(request.Body, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return (null, TooLarge());
        }

        Activity? activity;
        try
        {
            activity = body.Length == 0 ? null : JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException e)
        {
            var field = Field(e.Path);
            return (null, ApiProblems.Invalid(field, field == "activity"
                ? "The body is not a JSON activity."
                : $"The activity's {field} has the wrong JSON type."));
        }

        if (activity is null)
        {
            return (null, ApiProblems.Invalid("activity", "The body is empty: an activity is required."));
        }

        return ActivityValidation.Problem(activity) is { } problem
            ? (null, ApiProblems.Invalid(problem.Field, problem.Message))
            : (activity, null);
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/> (chunked bodies have no length to check up front).</summary>
    private static async Task<byte[]?> BoundedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary><c>$.value.action</c> → <c>value.action</c>; no path (not JSON at all) → <c>activity</c>.</summary>
    private static string Field(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "activity";

    private static IResult TooLarge() => ApiProblems.Problem(
        StatusCodes.Status413PayloadTooLarge, "Too large", $"An activity is at most {MaxBodyBytes / 1024} KiB.", "bot.activity_too_large");
}
