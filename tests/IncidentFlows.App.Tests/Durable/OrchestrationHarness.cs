using IncidentFlows.App.Durable;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using NodaTime;
using NSubstitute;

namespace IncidentFlows.App.Tests.Durable;

/// <summary>One activity call the turn made, in order.</summary>
internal sealed record ActivityCall(string Name, string Input, ActivityRetry Retry);

/// <summary>A timer the turn set while an effect ran: when it was to fire, and the means to fire it.</summary>
internal sealed record LaterTimer(DateTime At, TaskCompletionSource Fire);

/// <summary>
/// An orchestration context under the test's control: the command event and the timer complete when
/// the test says so, activities answer through <see cref="Respond"/>, and every call is recorded.
/// </summary>
internal sealed class OrchestrationHarness
{
    public OrchestrationHarness(Instant now)
    {
        Now = now;
        Context.CurrentUtcDateTime.Returns(_ => Now.ToDateTimeUtc());
        // The turn's first wait and first timer are the test's to complete; later ones (while an effect runs) never complete.
        Context.WaitForCommandAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            if (++_waits == 1)
            {
                return Command.Task;
            }

            var later = new TaskCompletionSource<string>();
            LaterWaits.Add(later);
            return later.Task;
        });
        Context.CreateTimerAsync(Arg.Any<DateTime>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            if (++_timers > 1)
            {
                var later = new LaterTimer(call.ArgAt<DateTime>(0), new TaskCompletionSource());
                LaterTimers.Add(later);
                return later.Fire.Task;
            }

            TimerAt = call.ArgAt<DateTime>(0);
            TimerToken = call.ArgAt<CancellationToken>(1);
            return Timer.Task;
        });
        Context.CallActivityAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<ActivityRetry>()).Returns(call =>
        {
            var activity = new ActivityCall(call.ArgAt<string>(0), call.ArgAt<string>(1), call.ArgAt<ActivityRetry>(2));
            Activities.Add(activity);
            if (Holds(activity))
            {
                return new TaskCompletionSource<string?>().Task; // never answers: a hung Teams or Graph call
            }

            try
            {
                return Task.FromResult(Respond(activity));
            }
            catch (InvalidOperationException e)
            {
                return Task.FromException<string?>(e);
            }
        });
        Context.When(c => c.ContinueAsNew(Arg.Any<string>())).Do(call => ContinuedWith = call.Arg<string>());
    }

    public IIncidentOrchestrationContext Context { get; } = Substitute.For<IIncidentOrchestrationContext>();

    public TaskCompletionSource<string> Command { get; } = new();

    public TaskCompletionSource Timer { get; } = new();

    private int _waits;
    private int _timers;

    public DateTime? TimerAt { get; private set; }

    /// <summary>The timers after the first (the wake-ups raced against a running effect); the test fires them.</summary>
    public List<LaterTimer> LaterTimers { get; } = [];

    /// <summary>The waits for a command after the first (listening while an effect runs); the test completes them.</summary>
    public List<TaskCompletionSource<string>> LaterWaits { get; } = [];

    /// <summary>The orchestration's time; the test moves it when it fires a timer.</summary>
    public Instant Now { get; set; }

    public CancellationToken TimerToken { get; private set; }

    public List<ActivityCall> Activities { get; } = [];

    public string? ContinuedWith { get; private set; }

    /// <summary>How activities answer; by default the team's configuration, and nothing for the rest.</summary>
    public Func<ActivityCall, string?> Respond { get; set; } = Default;

    /// <summary>Activities that never answer; none by default.</summary>
    public Func<ActivityCall, bool> Holds { get; set; } = _ => false;

    public static string? Default(ActivityCall call) => call.Name == IncidentActivities.LoadTeamConfiguration ? SampleTeam.Document : null;

    public void Send(IncidentCommand command) => Command.SetResult(IncidentJson.Serialize(command));

    public Task RunAsync(Incident? state, long version, params IncidentCommand[] pending) =>
        IncidentOrchestration.RunAsync(Context, IncidentJson.Serialize(new IncidentFlowInput(SampleTeam.Id, state, version, pending)));

    public IncidentFlowInput Continued => IncidentJson.Deserialize<IncidentFlowInput>(ContinuedWith ?? throw new InvalidOperationException("The turn did not continue as new."));

    public IReadOnlyList<CommitRequest> Commits =>
        [.. Activities.Where(a => a.Name == IncidentActivities.PersistCommit).Select(a => IncidentJson.Deserialize<CommitRequest>(a.Input))];

    /// <summary>The effect an activity call ran, or null when it was not an effect.</summary>
    public static IncidentEffect? EffectOf(ActivityCall call) =>
        call.Name == IncidentActivities.RunEffect ? IncidentJson.Deserialize<EffectRequest>(call.Input).Effect : null;

    public IReadOnlyList<IncidentEvent> CommittedEvents => [.. Commits.SelectMany(c => c.Events)];

    public IReadOnlyList<IncidentEffect> EffectsRun =>
        [.. Activities.Where(a => a.Name == IncidentActivities.RunEffect).Select(a => IncidentJson.Deserialize<EffectRequest>(a.Input).Effect)];
}
