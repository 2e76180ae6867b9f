using System.Diagnostics;
using System.Diagnostics.Metrics;
using IncidentFlows.App.Incidents.Json;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Incidents.Effects;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;
using T = IncidentFlows.App.Platform.Telemetry.TelemetryNames.Tags;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Platform.Telemetry;

/// <summary>
/// Incident spans and metrics. Called only where things really happen: when a commit is stored (the
/// command handler, the Functions host's persist activity) and when an effect was delivered (the
/// worker, the effect activity). Never from orchestrator code, which replays.
/// </summary>
public sealed class IncidentTelemetry : IDisposable
{
    private readonly ActivitySource _source = new(TelemetryNames.Source);
    private readonly Counter<long> _declared;
    private readonly Counter<long> _pages;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _acknowledgements;
    private readonly Histogram<double> _pageLatency;

    public IncidentTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(TelemetryNames.Source);
        _declared = meter.CreateCounter<long>(TelemetryNames.IncidentsDeclared, "{incident}", "Incidents declared");
        _pages = meter.CreateCounter<long>(TelemetryNames.PagesSent, "{page}", "Pages delivered to a person");
        _escalations = meter.CreateCounter<long>(TelemetryNames.Escalations, "{escalation}", "Escalations past the first page (next level or repeat round)");
        _acknowledgements = meter.CreateCounter<long>(TelemetryNames.Acknowledgements, "{acknowledgement}", "Incidents acknowledged");
        _pageLatency = meter.CreateHistogram(
            TelemetryNames.PageLatency,
            "s",
            "From the page being decided (declare or escalation) to its delivery",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600] });
    }

    /// <summary>A span for one command on one incident; null when nobody listens.</summary>
    public Activity? StartCommand(IncidentId id, IncidentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = IncidentContracts.Commands.TryGetValue(command.GetType(), out var known) ? known : command.GetType().Name;
        var span = _source.StartActivity(TelemetryNames.CommandSpan(name));
        span?.SetTag(T.IncidentId, id.Value).SetTag(T.Command, name);
        return span;
    }

    /// <summary>Tags the command's span with what the decider made of it.</summary>
    public static void Decided(Activity? span, Decision decision, Incident? state, string team)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (span is null)
        {
            return;
        }

        span.SetTag(T.Outcome, decision.IsRejected ? "rejected" : decision.Events.Count > 0 ? "changed" : "unchanged").SetTag(T.Team, team);
        if (state is not null)
        {
            span.SetTag(T.Severity, SeverityTag(state.Severity)).SetTag(T.Kind, KindTag(state.Kind));
        }

        if (decision.Error is { } error)
        {
            span.SetStatus(ActivityStatusCode.Error, error.Message);
        }
    }

    /// <summary>A span for one effect's delivery; null when nobody listens.</summary>
    public Activity? StartEffect(IncidentEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var name = IncidentContracts.NameOf(effect);
        var span = _source.StartActivity(TelemetryNames.EffectSpan(name));
        span?.SetTag(T.IncidentId, effect.Incident.Value).SetTag(T.Effect, name);
        return span;
    }

    /// <summary>A span for the Functions host's persist activity; null when nobody listens.</summary>
    public Activity? StartCommit(IncidentId id)
    {
        var span = _source.StartActivity(TelemetryNames.CommitSpan);
        span?.SetTag(T.IncidentId, id.Value);
        return span;
    }

    /// <summary>Marks a span failed (the work is retried; the span says why this attempt failed).</summary>
    public static void Failed(Activity? span, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name).AddException(exception);
    }

    /// <summary>Counts what one stored commit means: a declaration, escalations, an acknowledgement.</summary>
    public void Committed(IReadOnlyList<IncidentEvent> events, Incident state, string team)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(state);
        var severity = new KeyValuePair<string, object?>(T.Severity, SeverityTag(state.Severity));
        var teamTag = new KeyValuePair<string, object?>(T.Team, team);
        foreach (var e in events)
        {
            switch (e)
            {
                case E.Declared declared:
                    _declared.Add(1, new(T.Severity, SeverityTag(declared.Severity)), teamTag, new(T.Kind, KindTag(declared.Kind)));
                    break;
                case E.Paged paged when paged.Level > 0 || paged.Round > 0:
                    _escalations.Add(1, severity, teamTag, new(T.Level, paged.Level + 1));
                    break;
                case E.Acknowledged:
                    _acknowledgements.Add(1, severity, teamTag);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Counts a delivered page and how long it took from being decided to being delivered. A page the
    /// runner reports undeliverable (its result) is not a page sent.
    /// </summary>
    public void Delivered(IncidentEffect effect, IncidentCommand? result, Incident state, string team, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(state);
        if (effect is not X.Page page || result is IncidentCommand.RecordPageUndeliverable)
        {
            return;
        }

        KeyValuePair<string, object?>[] tags = [new(T.Severity, SeverityTag(state.Severity)), new(T.Team, team), new(T.Level, page.Level + 1)];
        _pages.Add(1, tags);
        if (page.PagedAt is { } decided)
        {
            _pageLatency.Record(Math.Max(0, (now - decided.ToDateTimeOffset()).TotalSeconds), tags);
        }
    }

    public void Dispose() => _source.Dispose();

    private static string SeverityTag(Severity severity) => $"sev{(int)severity}";

    private static string KindTag(IncidentKind kind) => kind.ToString().ToLowerInvariant();
}
