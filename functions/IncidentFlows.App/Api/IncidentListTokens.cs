using System.Buffers.Text;
using System.Text;

namespace IncidentFlows.App.Api;

/// <summary>
/// The <c>continuationToken</c> of <c>GET /api/incidents</c>: the store's own token wrapped with the list it
/// continues (team and status filter), so a token we did not issue, or one issued for another list, is
/// refused as a 400 before the store sees it. The store still filters by team, so a token can never widen
/// what a caller sees; the wrapping is about clear errors, not secrecy.
/// </summary>
public static class IncidentListTokens
{
    private const string Version = "v1.";

    public static string? Wrap(string? storeToken, string team, string? status) =>
        storeToken is null ? null : Version + Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{team}\n{status}\n{storeToken}"));

    /// <summary>The store's token inside <paramref name="token"/>, or null when it is not ours for this list.</summary>
    public static string? Unwrap(string token, string team, string? status)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.StartsWith(Version, StringComparison.Ordinal) || token.Length > 2048)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token.AsSpan(Version.Length)));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        var parts = text.Split('\n', 3);
        return parts.Length == 3 && parts[0] == team && parts[1] == (status ?? "") && parts[2].Length > 0 ? parts[2] : null;
    }
}
