using System.Text.Json;
using IncidentFlows.App.Api;
using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// Reads an alert delivery: JSON up to 1 MiB (Azure caps its payloads at 256 KB; Alertmanager groups can be
/// large), answering anything else with a problem that says what is wrong. Nothing is stored before this passes.
/// </summary>
public static class AlertPayloads
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the alert as application/json.", "input.media_type"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (JsonDocument.Parse(buffer.ToArray()), null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid("body", $"The alert is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {e.BytePositionInLine ?? 0})."));
        }
    }

    private static IResult TooLarge() => ApiProblems.Problem(
        StatusCodes.Status413PayloadTooLarge, "Alert too large", $"An alert delivery is at most {MaxBytes:N0} bytes.", "input.too_large");
}
