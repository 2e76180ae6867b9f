using System.Net;
using System.Text;

namespace IncidentFlows.Server.Tests.Api;

/// <summary>A body sent without a Content-Length (chunked), and with the Content-Type given, or none.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    public ChunkedContent(string text, string? mediaType)
    {
        _bytes = Encoding.UTF8.GetBytes(text);
        if (mediaType is not null)
        {
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
