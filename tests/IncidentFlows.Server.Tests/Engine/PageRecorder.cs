using System.Collections.Concurrent;
using IncidentFlows.App.Effects;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentFlows.Server.Tests.Engine;

/// <summary>The console effects, with every page noted (incident, level, when) as it goes out.</summary>
internal sealed class PageRecorder : IEffectRunner
{
    private ConsoleEffectRunner? _inner;

    public ConcurrentQueue<(string Incident, int Level, DateTimeOffset At)> Pages { get; } = new();

    public int PagesOf(string incident, int level) => Pages.Count(p => p.Incident == incident && p.Level == level);

    public void Register(IServiceCollection services) => services.AddSingleton<IEffectRunner>(sp =>
    {
        _inner = ActivatorUtilities.CreateInstance<ConsoleEffectRunner>(sp);
        return this;
    });

    public Task<IncidentCommand?> RunAsync(IncidentEffect effect, Incident incident, CancellationToken ct)
    {
        if (effect is IncidentEffect.Page page)
        {
            Pages.Enqueue((incident.Id.Value, page.Level + 1, DateTimeOffset.UtcNow));
        }

        return _inner!.RunAsync(effect, incident, ct);
    }
}
