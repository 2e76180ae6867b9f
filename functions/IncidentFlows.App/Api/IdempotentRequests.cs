using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.App.Api;

/// <summary>
/// The <c>Idempotency-Key</c> header as the IETF idempotency-key draft has it: the same key with the same body
/// is a retry and gets the first answer's incident back; the same key with another body is a 422 and nothing
/// is sent. A body is remembered only once its request was accepted, so a refused request never binds its key.
/// The fingerprint is the body as we read it (re-serialized), so spacing and property order do not matter.
/// </summary>
internal static class IdempotentRequests
{
    public static string Fingerprint<T>(string request, T body) => Convert.ToHexStringLower(SHA256.HashData(
        [.. Encoding.UTF8.GetBytes(request + "\n"), .. JsonSerializer.SerializeToUtf8Bytes(body, ApiJson.Options)]));

    /// <summary>A 422 when <paramref name="key"/> came with another body before, else null.</summary>
    public static async Task<IResult?> ReusedAsync(HttpContext http, string scope, string key, string fingerprint)
    {
        var (fingerprints, team) = Services(http);
        var remembered = await fingerprints.FindAsync(team, Scoped(scope, key), http.RequestAborted);
        return remembered is null || remembered == fingerprint ? null : Reused(key);
    }

    /// <summary>Remembers the body of an accepted request; a 422 when a concurrent request with another body got there first.</summary>
    public static async Task<IResult?> RememberAsync(HttpContext http, string scope, string key, string fingerprint)
    {
        var (fingerprints, team) = Services(http);
        return await fingerprints.RememberAsync(team, Scoped(scope, key), fingerprint, http.RequestAborted) == fingerprint ? null : Reused(key);
    }

    private static (IRequestFingerprints Fingerprints, string Team) Services(HttpContext http) => (
        http.RequestServices.GetRequiredService<IRequestFingerprints>(),
        http.RequestServices.GetRequiredService<ITeamContextSource>().Current.TeamId);

    private static string Scoped(string scope, string key) => $"{scope}\n{key}";

    private static IResult Reused(string key) => ApiProblems.Problem(
        StatusCodes.Status422UnprocessableEntity,
        "Idempotency key reused",
        $"The Idempotency-Key '{key}' was already used with a different request body; use a new key for a new request, or resend the first body to retry it.",
        "idempotency.key_reused");
}
