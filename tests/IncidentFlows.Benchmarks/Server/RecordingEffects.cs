using System.Collections.Concurrent;
using System.Diagnostics;
using IncidentFlows.App.Effects;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;

namespace IncidentFlows.Benchmarks.Server;

/// <summary>Runs effects with the console runner (quietly) and notes when each page went out, by real time.</summary>
internal sealed class RecordingEffects(ConsoleEffectRunner inner) : IEffectRunner
{
    public ConcurrentDictionary<(string Incident, int Level), (long Timestamp, int Count)> Pages { get; } = new();

    /// <summary>When each page went out by the wall clock, and the acknowledgement deadline it set.</summary>
    public ConcurrentDictionary<(string Incident, int Level), (DateTimeOffset At, DateTimeOffset AckDeadline)> Wall { get; } = new();

    public async Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
    {
        if (effect is IncidentEffect.Page page)
        {
            var now = Stopwatch.GetTimestamp();
            Pages.AddOrUpdate((incident.Id.Value, page.Level + 1), (now, 1), (_, seen) => (seen.Timestamp, seen.Count + 1));
            Wall.TryAdd((incident.Id.Value, page.Level + 1), (DateTimeOffset.UtcNow, page.AckDeadline.ToDateTimeOffset()));
        }

        return await inner.RunAsync(effect, incident, ct);
    }
}
