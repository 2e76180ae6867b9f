using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>
/// The resilience pipeline in front of the Bot Connector and Graph clients (Microsoft.Extensions.Http.Resilience):
/// total timeout → retry (honouring <c>Retry-After</c>) → circuit breaker → attempt timeout, the order of
/// the standard handler, with our <see cref="TeamsHttpOptions"/>. Teams throttles bots per conversation,
/// so a burst of pages and announcements gets 429s that a short wait fixes; a dead or hung host is cut
/// short by the timeouts and, when it keeps failing, by the breaker.
/// </summary>
public static class TeamsHttpResilience
{
    public static IHttpClientBuilder AddTeamsResilience(this IHttpClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.AddResilienceHandler("teams", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<TeamsHttpOptions>>().CurrentValue;
            pipeline.TimeProvider = TimeProvider.System; // real waits, whatever clock the incidents run on
            pipeline
                .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryDelay,
                    MaxDelay = options.MaxRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = options.BreakFailureRatio,
                    MinimumThroughput = options.BreakMinimumThroughput,
                    SamplingDuration = options.BreakSamplingDuration,
                    BreakDuration = options.BreakDuration,
                    ShouldHandle = static args => ValueTask.FromResult(OpensTheCircuit(args.Outcome)),
                })
                .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
        });
        return client;
    }

    /// <summary>
    /// A dead or failing host counts against the breaker; a 429 does not: Teams throttles per
    /// conversation, and one busy war room must not stop the pages to everyone else.
    /// </summary>
    private static bool OpensTheCircuit(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(outcome);
}
