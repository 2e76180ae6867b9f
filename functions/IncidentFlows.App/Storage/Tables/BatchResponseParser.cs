using System.Globalization;
using System.Text.RegularExpressions;
using Azure;

namespace IncidentFlows.App.Storage.Tables;

/// <summary>
/// Reads a <c>$batch</c> response: one embedded <c>HTTP/1.1 nnn</c> response per operation on success (with
/// ETags), or a single error response whose message starts with the failing operation's index.
/// </summary>
internal static partial class BatchResponseParser
{
    public static IReadOnlyList<ETag> Parse(string body, int count, string operation)
    {
        var statuses = StatusLine().Matches(body);
        var etags = new List<ETag>(count);
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = int.Parse(statuses[i].Groups["status"].Value, CultureInfo.InvariantCulture);
            var end = i + 1 < statuses.Count ? statuses[i + 1].Index : body.Length;
            var part = body[statuses[i].Index..end];
            if (status >= 400)
            {
                throw Failure(status, part, i, count, operation);
            }

            var etag = ETagHeader().Match(part);
            etags.Add(etag.Success ? new ETag(etag.Groups["etag"].Value.Trim()) : default);
        }

        if (etags.Count != count)
        {
            throw new TableRequestException(202, $"{operation}: expected {count} operation responses, got {etags.Count}.", "UnexpectedBatchResponse");
        }

        return etags;
    }

    private static TableRequestException Failure(int status, string part, int position, int count, string operation)
    {
        var start = part.IndexOf('{', StringComparison.Ordinal);
        var stop = part.LastIndexOf('}');
        var (code, message) = start >= 0 && stop > start ? TableErrors.ParseBody(part[start..(stop + 1)]) : (null, "(no body)");
        var index = IndexPrefix().Match(message) is { Success: true } m
            ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture)
            : count == 1 ? 0 : position;
        return TableErrors.Create(status, code, $"{operation} failed at operation {index}: {status} {code}: {message}", index);
    }

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^ETag:\s*(?<etag>.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ETagHeader();

    [GeneratedRegex(@"^(?<index>\d+):")]
    private static partial Regex IndexPrefix();
}
