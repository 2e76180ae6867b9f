using System.Buffers.Text;
using System.Text;

namespace IncidentFlows.App.Storage;

/// <summary>
/// The SDK's continuation token (next partition and row key, space-separated) wrapped in URL-safe Base64, so the
/// HTTP API can hand it out and take it back without escaping; a token we did not issue is refused, not sent on.
/// </summary>
internal static class PageTokens
{
    public static string? Wrap(string? sdkToken) =>
        sdkToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sdkToken));

    public static string? Unwrap(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var sdkToken = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return sdkToken.Split(' ') is [{ Length: > 0 }, _] ? sdkToken : throw new FormatException("Not a next-partition/next-row pair.");
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The continuation token is not one this store issued.", nameof(token), e);
        }
    }
}
