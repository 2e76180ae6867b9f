using System.Net;
using Polly;
using Polly.Retry;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>
/// Retries 429 and 5xx answers (and connection failures) a few times, waiting as long as Retry-After
/// says when the server says, exponentially otherwise. Teams throttles bots per conversation, so a
/// burst of announcements and pages gets 429s that a short wait fixes.
/// </summary>
public sealed class TransientRetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public TransientRetryHandler(TimeProvider clock, int maxRetries = 4, TimeSpan? baseDelay = null)
    {
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                Delay = baseDelay ?? TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Result: { } response } => IsTransient(response.StatusCode),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken); // the body is sent again on a retry
        }

        return await _pipeline.ExecuteAsync(async ct => await base.SendAsync(request, ct), cancellationToken);
    }

    /// <summary>The server's Retry-After (seconds or a date), capped at a minute; null lets Polly back off.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, TimeSpan.FromMinutes(1).Ticks)) : null;
    }
}
