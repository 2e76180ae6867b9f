using System.Buffers.Text;
using System.Text;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// The service's next-page position (<c>NextPartitionKey</c>, <c>NextRowKey</c>) packed into one opaque,
/// URL-safe string, so callers (and HTTP APIs above them) can hand it back without knowing its shape.
/// </summary>
internal static class ContinuationToken
{
    public static string? Encode(string? nextPartitionKey, string? nextRowKey) =>
        nextPartitionKey is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(nextPartitionKey + "\n" + nextRowKey));

    public static (string NextPartitionKey, string? NextRowKey) Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var nl = text.IndexOf('\n', StringComparison.Ordinal);
            return nl < 0 ? (text, null) : (text[..nl], nl == text.Length - 1 ? null : text[(nl + 1)..]);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The continuation token is not one this store issued.", nameof(token), e);
        }
    }
}
