using System.Text.Json;
using Azure;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>Maps a failed response (or a failed operation inside a batch) to the typed exceptions.</summary>
internal static class TableErrors
{
    public static TableRequestException FromResponse(Response response, string operation)
    {
        var (code, message) = ParseBody(response.Content.ToString());
        return Create(response.Status, code, $"{operation} failed: {response.Status} {code ?? response.ReasonPhrase}: {message}", null);
    }

    public static TableRequestException Create(int status, string? code, string message, int? index) => status switch
    {
        409 => new TableConflictException(status, message, code, index),
        412 => new TablePreconditionFailedException(status, message, code, index),
        404 => new TableNotFoundException(status, message, code, index),
        429 => new TableThrottledException(status, message, code, index),
        503 when code is "ServerBusy" => new TableThrottledException(status, message, code, index),
        _ => new TableRequestException(status, message, code, index),
    };

    public static TableUnavailableException Unavailable(Uri endpoint, string operation, Exception inner) =>
        new($"{operation} failed: the Table service at {endpoint} could not be reached ({Innermost(inner).Message}).", inner);

    /// <summary>Reads <c>{"odata.error":{"code":…,"message":{"value":…}}}</c>; tolerates other bodies.</summary>
    public static (string? Code, string Message) ParseBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "(no body)");
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("odata.error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m)
                    ? (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString())
                    : null;
                return (code, message ?? "(no message)");
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy or an HTML error page): fall through and show the text.
        }

        return (null, body.Length > 500 ? body[..500] : body);
    }

    private static Exception Innermost(Exception e)
    {
        while (true)
        {
            if (e is AggregateException { InnerExceptions.Count: > 0 } agg)
            {
                e = agg.InnerExceptions[^1];
            }
            else if (e.InnerException is { } inner)
            {
                e = inner;
            }
            else
            {
                return e;
            }
        }
    }
}
