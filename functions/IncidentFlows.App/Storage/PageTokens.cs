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

    /// <summary>The SDK token inside <paramref name="token"/>; <see cref="ArgumentException"/> when we did not issue it.</summary>
    public static string? Unwrap(string? token) =>
        token is null ? null
        : TryUnwrap(token, out var sdkToken) ? sdkToken
        : throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));

    /// <summary>For callers that validate input before calling a store (the HTTP API answers 400).</summary>
    public static bool IsWellFormed(string token) => TryUnwrap(token, out _);

    private static bool TryUnwrap(string token, out string sdkToken)
    {
        sdkToken = "";
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done || consumed != token.Length)
        {
            return false;
        }

        sdkToken = Encoding.UTF8.GetString(bytes, 0, written);
        return sdkToken.Split(' ') is [{ Length: > 0 }, _];
    }
}
