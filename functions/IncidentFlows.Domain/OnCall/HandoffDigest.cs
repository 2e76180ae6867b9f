using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>One handoff in a digest: who goes off, who comes on, and the open incidents they inherit.</summary>
public sealed record HandoffDigestEntry(
    string ScheduleId,
    Instant At,
    IReadOnlyList<string> GoingOff,
    IReadOnlyList<string> ComingOn,
    IReadOnlyList<OpenIncidentSummary> Inherited);

/// <summary>
/// The handoff digest the Teams bot sends. An incident is inherited at a handoff when it was declared
/// before it and its service escalates through the schedule (incidents without a known service follow
/// the team's default policy).
/// </summary>
public static class HandoffDigest
{
    public static IReadOnlyList<HandoffDigestEntry> For(
        TeamConfiguration configuration,
        string scheduleId,
        Interval window,
        IReadOnlyList<OpenIncidentSummary> openIncidents)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(openIncidents);
        var schedule = configuration.Schedules[scheduleId];
        var routedHere = openIncidents.Where(i => configuration.PolicyFor(i.ServiceId).Uses(scheduleId)).ToList();
        return
        [
            // A handoff exactly at the window's start is a change only against the instant before it: look
            // one tick earlier, so consecutive windows ([08:45, 09:00), [09:00, 09:15)) see the 09:00 handoff once.
            .. schedule.HandoffsWithin(new Interval(window.Start.Minus(Duration.Epsilon), window.End)).Where(h => h.At >= window.Start).Select(h => new HandoffDigestEntry(
                scheduleId,
                h.At,
                h.GoingOff,
                h.ComingOn,
                [.. routedHere.Where(i => i.DeclaredAt < h.At).OrderBy(i => i.DeclaredAt)])),
        ];
    }
}
