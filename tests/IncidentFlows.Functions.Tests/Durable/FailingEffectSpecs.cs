using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using Microsoft.Extensions.Logging;
using NodaTime;
using static IncidentFlows.Functions.Tests.Durable.SampleIncident;
using static IncidentFlows.Functions.Tests.Durable.WorkerEpisodes;

namespace IncidentFlows.Functions.Tests.Durable;

/// <summary>
/// What an incident does when RunIncidentEffect keeps failing (Teams down), on the worker the Functions
/// host runs. The effect retry policy waits 10 s, 30 s, 90 s, 270 s and 810 s between its 6 attempts,
/// about 20 minutes, so the spec plays the host (<see cref="WorkerEpisodes"/>) and lets that time pass at once.
/// </summary>
public sealed class FailingEffectSpecs
{
    private static readonly DateTime Declared = Instant.FromUtc(2026, 12, 2, 9, 0).ToDateTimeUtc();

    [Fact]
    public void An_effect_that_fails_every_attempt_is_retried_six_times_then_given_up_with_an_error_in_the_log_and_the_incident_goes_on()
    {
        var log = new LogRecorder();
        using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(log));
        var id = new IncidentId("INC-301");
        var episodes = new WorkerEpisodes(id.Value, Declared, logging);
        var effects = IncidentTurn.Take(Declare(id), null, new DecisionContext(Instant.FromDateTimeUtc(Declared), Team.Policies, Team.OnCall), Team.Effects).Effects;

        var end = episodes.Drive(
            episodes.Start(Declaration(id)),
            (taskId, name, input) => name == IncidentActivities.RunEffect
                ? Failed(taskId, "Bot Connector answered 503 Service Unavailable")
                : Succeed(taskId, name, input));

        var attempts = episodes.Actions.Values.Where(a => a.ScheduleTask is { Name: IncidentActivities.RunEffect }).OrderBy(a => a.Id).ToList();
        Assert.NotEmpty(effects);
        Assert.Equal(6 * effects.Count, attempts.Count);
        Assert.All(attempts.Take(6), a => Assert.Equal(ActivityInput(attempts[0].ScheduleTask), ActivityInput(a.ScheduleTask)));
        var retryAt = episodes.Actions.Values.Where(a => a.CreateTimer is not null).OrderBy(a => a.Id).Take(5)
            .Select(a => (a.CreateTimer.FireAt.ToDateTime() - Declared).TotalSeconds);
        Assert.Equal([10, 40, 130, 400, 1210], retryAt);

        // Given up: the commit stays (the page is on the timeline), the turn continues as new and waits for the ack.
        Assert.Equal([1], episodes.Commits.Select(c => c.Sequence));
        var continued = IncidentJson.Deserialize<IncidentFlowInput>(ContinuedWith(end)!);
        Assert.Equal((1, false), (continued.Version, continued.State!.IsAcknowledged));

        // Not silent: one error per abandoned effect, naming the incident, the activity and the attempts.
        var errors = log.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToList();
        Assert.Equal(effects.Count, errors.Count);
        Assert.All(errors, m => Assert.Contains($"Activity {IncidentActivities.RunEffect} of incident {id.Value} failed 6 times and was given up", m, StringComparison.Ordinal));
        Assert.All(errors, m => Assert.Contains("503 Service Unavailable", m, StringComparison.Ordinal));
    }
}
