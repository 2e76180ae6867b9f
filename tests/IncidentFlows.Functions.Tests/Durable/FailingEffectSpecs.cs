using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Logging;
using NodaTime;
using static IncidentFlows.Functions.Tests.Durable.SampleIncident;
using static IncidentFlows.Functions.Tests.Durable.WorkerEpisodes;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>
/// What an incident does when RunIncidentEffect keeps failing (Teams down), on the worker the Functions
/// host runs. Each effect is tried as often as its retry policy says (<see cref="ActivityRetry.Page"/>,
/// <see cref="ActivityRetry.Effect"/>); the spec plays the host (<see cref="WorkerEpisodes"/>) so the
/// back-off passes at once. Then the failure is on the timeline, never only in a log.
/// </summary>
public sealed class FailingEffectSpecs
{
    private static readonly DateTime Declared = Instant.FromUtc(2026, 12, 2, 9, 0).ToDateTimeUtc();

    [Fact]
    public void An_effect_that_fails_every_attempt_is_retried_by_its_policy_then_recorded_on_the_timeline_and_logged_and_the_incident_goes_on()
    {
        var log = new LogRecorder();
        using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(log));
        var id = new IncidentId("INC-301");
        var episodes = new WorkerEpisodes(id.Value, Declared, logging);

        var end = episodes.Drive(
            episodes.Start(Declaration(id)),
            (taskId, name, input) => name == IncidentActivities.RunEffect
                ? Failed(taskId, "Bot Connector answered 503 Service Unavailable")
                : Succeed(taskId, name, input));

        // Every effect the incident called for was tried exactly as often as its policy allows, no more.
        var attempts = episodes.Actions.Values.Where(a => a.ScheduleTask is { Name: IncidentActivities.RunEffect })
            .GroupBy(a => ActivityInput(a.ScheduleTask)).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, effect => Assert.Equal(
            effect.Key.Contains("\"Page\"", StringComparison.Ordinal) ? ActivityRetry.Page.MaxAttempts : ActivityRetry.Effect.MaxAttempts,
            effect.Count()));

        // On the timeline: each failed page is undeliverable (so the level escalates at once), every other effect abandoned.
        var events = episodes.Commits.SelectMany(c => c.Events).ToList();
        Assert.Contains(events, e => e is E.PageUndeliverable);
        Assert.Contains(events, e => e is E.LevelUnreachable);
        Assert.Contains(events, e => e is E.EffectAbandoned { Reason: var reason } && reason.Contains("503", StringComparison.Ordinal));

        // The incident goes on: it continues as new, unacknowledged, at the last commit's version.
        var continued = IncidentJson.Deserialize<IncidentFlowInput>(ContinuedWith(end)!);
        Assert.Equal((episodes.Commits.Last().Sequence, false), (continued.Version, continued.State!.IsAcknowledged));

        // And in the log: one error per given-up effect, naming the activity, the incident and the failure.
        var errors = log.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToList();
        Assert.Equal(attempts.Count, errors.Count);
        Assert.All(errors, m => Assert.Contains($"Activity {IncidentActivities.RunEffect} of incident {id.Value} failed 3 times and was given up", m, StringComparison.Ordinal));
        Assert.All(errors, m => Assert.Contains("503 Service Unavailable", m, StringComparison.Ordinal));
    }
}
