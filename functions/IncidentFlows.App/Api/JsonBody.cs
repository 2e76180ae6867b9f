using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Api;

/// <summary>Reads a JSON request body with a size limit, answering bad input with a problem instead of throwing.</summary>
public static class JsonBody
{
    /// <summary>Far above any valid request (titles are 200 characters, texts 4,000), far below memory trouble.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// The body as <typeparamref name="T"/>. A command that takes no body passes <paramref name="whenEmpty"/>: a request
    /// without a single byte of body gets it, and any byte (chunked or not, whatever its Content-Type says) is read and
    /// must be JSON, so a malformed body is a 400 and never silently ignored.
    /// </summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct, T? whenEmpty = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge(request.ContentLength.Value));
        }

        if (whenEmpty is null && !request.HasJsonContentType())
        {
            return (null, UnsupportedMediaType());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge(null));
            }

            buffer.Write(chunk, 0, read);
        }

        if (whenEmpty is not null && buffer.Length == 0)
        {
            return (whenEmpty, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, UnsupportedMediaType());
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.ToArray(), ApiJson.Options);
            return body is null ? (null, ApiProblems.Invalid("body", "The body is empty; send a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, ApiProblems.Invalid(field, $"The body is not valid JSON for this request{Where(e)}."));
        }
    }

    private static string Where(JsonException e) => e.LineNumber is { } line ? $" (line {line + 1}, at {e.Path})" : "";

    private static IResult UnsupportedMediaType() => ApiProblems.Problem(
        StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.", "input.media_type");

    private static IResult TooLarge(long? length) => ApiProblems.Problem(
        StatusCodes.Status413PayloadTooLarge,
        "Request too large",
        $"The body is {(length is { } n ? $"{n:N0} bytes" : "larger than allowed")}; the limit is {MaxBytes:N0} bytes.",
        "input.too_large");
}
