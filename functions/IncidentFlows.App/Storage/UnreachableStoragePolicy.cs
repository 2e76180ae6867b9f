using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IncidentFlows.App.Storage;

/// <summary>
/// Runs once per call, outside the retry policy: when every attempt failed without an answer from the service,
/// the SDK surfaces an <see cref="AggregateException"/> of transport errors; this turns it into one
/// <see cref="StorageUnavailableException"/> naming the endpoint, so an outage reads as an outage.
/// </summary>
internal sealed class UnreachableStoragePolicy : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        catch (Exception e) when (IsUnreachable(e, message))
        {
            throw Unreachable(message, e);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception e) when (IsUnreachable(e, message))
        {
            throw Unreachable(message, e);
        }
    }

    private static bool IsUnreachable(Exception e, HttpMessage message) =>
        !message.CancellationToken.IsCancellationRequested && e switch
        {
            AggregateException all => all.InnerExceptions.All(i => i is RequestFailedException { Status: 0 } or HttpRequestException or OperationCanceledException),
            RequestFailedException { Status: 0 } or HttpRequestException => true,
            _ => false,
        };

    private static StorageUnavailableException Unreachable(HttpMessage message, Exception e)
    {
        var endpoint = message.Request.Uri.ToUri().GetLeftPart(UriPartial.Authority);
        var cause = (e as AggregateException)?.InnerExceptions.LastOrDefault()?.Message ?? e.Message;
        return new StorageUnavailableException($"Table Storage at {endpoint} could not be reached after retries: {cause}", e);
    }
}
