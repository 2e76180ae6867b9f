using System.Globalization;
using IncidentFlows.App.Incidents;
using IncidentFlows.App.Storage;
using IncidentFlows.Domain.Incidents;
using NodaTime;

namespace IncidentFlows.App.Alerts;

/// <summary>
/// Turns alerts into incident commands through the same port the API and the bot use. Identity and
/// grouping ride on the declare idempotency keys, so retries, repeats and a burst of concurrent
/// deliveries converge on one incident without locks:
/// <list type="bullet">
/// <item>an alert occurrence (source, key, start) is bound once to the incident it joined; a repeat finds it;</item>
/// <item>a service's first firing alert in a grouping window declares with the key of that window, so every
/// alert of the service in the same window joins the same incident;</item>
/// <item>each alert joining or resolving is a note with its own key, so a redelivery adds nothing.</item>
/// </list>
/// </summary>
public sealed class AlertIntake(IncidentDeclarations declarations, IDeclarations keys, IIncidentCommands commands, ITeamContextSource team, TimeProvider clock)
{
    /// <summary>Alerts of one service within this window share an incident.</summary>
    public static readonly TimeSpan GroupingWindow = TimeSpan.FromMinutes(5);

    public static readonly Person Reporter = new("alerts", "Alerts");

    public async Task<IReadOnlyList<AlertOutcome>> AcceptAsync(AlertBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var outcomes = new List<AlertOutcome>(batch.Alerts.Count);
        foreach (var alert in batch.Alerts)
        {
            outcomes.Add(alert.Firing ? await FireAsync(alert, ct) : await ResolveAsync(alert, ct));
        }

        return outcomes;
    }

    /// <summary>Routes without storing or paging anything: which service, policy and people an alert would reach now.</summary>
    public AlertDrill Drill(IncomingAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var context = team.Current;
        var plan = context.OnCall.PlanFor(alert.Service);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var people = plan is null ? [] : context.OnCall.RespondersAt(plan.PolicyId, 0, now).Select(r => r.Name).ToList();
        return new AlertDrill(alert.Key, AlertSeverities.Map(alert.Severity).ToString().ToUpperInvariant(), alert.Service, Routing(alert), plan?.PolicyId, people);
    }

    private async Task<AlertOutcome> FireAsync(IncomingAlert alert, CancellationToken ct)
    {
        var teamId = team.Current.TeamId;
        var identity = IdentityKey(alert);
        if (await keys.FindAsync(teamId, identity, ct) is { } known)
        {
            return new AlertOutcome(alert.Key, "repeat", known, alert.Service, "already on this incident; nothing added");
        }

        var declare = new IncidentCommand.Declare(
            new IncidentId("INC-0"),
            Clip(alert.Title, Limits.TitleLength),
            AlertSeverities.Map(alert.Severity),
            Reporter,
            Service: alert.Service,
            Summary: Clip($"From {alert.Source}. {Routing(alert)}.", Limits.TextLength),
            DetectedAt: alert.StartsAt is { } start ? Instant.FromDateTimeOffset(start) : null);
        var groupKey = GroupKey(alert);
        var declared = await RetryingAsync(() => declarations.DeclareAsync(declare, groupKey, ct), ct);
        if (declared.State is not { } incident)
        {
            return new AlertOutcome(alert.Key, "rejected", null, alert.Service, declared.Decision.Error?.Message);
        }

        var id = await keys.ClaimAsync(teamId, identity, incident.Id.Value, ct);
        var opened = declared.Decision.Events.Any(e => e is IncidentEvent.Declared);
        var joining = new IncidentCommand.AddNote(Clip(Joining(alert), Limits.TextLength), Reporter, identity);
        await RetryingAsync(() => commands.HandleAsync(new IncidentId(id), joining, ct), ct);
        return new AlertOutcome(alert.Key, opened ? "opened" : "joined", id, alert.Service, alert.Service is null ? "matched no service: the team's default policy" : null);
    }

    private async Task<AlertOutcome> ResolveAsync(IncomingAlert alert, CancellationToken ct)
    {
        var identity = IdentityKey(alert);
        if (await keys.FindAsync(team.Current.TeamId, identity, ct) is not { } id)
        {
            return new AlertOutcome(alert.Key, "unmatched", null, alert.Service, "resolved, but it never fired here; nothing to do");
        }

        var resolving = new IncidentCommand.AddNote(Clip($"Alert resolved: {alert.Title}", Limits.TextLength), Reporter, identity + AlertsCleared.ResolvedSuffix);
        var noted = await RetryingAsync(() => commands.HandleAsync(new IncidentId(id), resolving, ct), ct);
        var monitoring = noted.Decision.Events.Count > 0 && noted.State is { } incident ? await MonitorWhenClearedAsync(incident, ct) : false;
        return new AlertOutcome(alert.Key, "resolved", id, alert.Service, monitoring ? "every alert of the incident has resolved: moved to monitoring" : null);
    }

    /// <summary>
    /// When the last firing alert of an open incident resolves, it moves to Monitoring and a person closes it.
    /// Only a newly recorded resolution does this, so a redelivery never overrides what a person chose since;
    /// an incident that is resolved or closed is never touched.
    /// </summary>
    private async Task<bool> MonitorWhenClearedAsync(Incident incident, CancellationToken ct)
    {
        if (AlertsCleared.AllResolved(incident) is not { } count
            || !incident.Status.IsOpen()
            || incident.Status == IncidentStatus.Monitoring)
        {
            return false;
        }

        var monitoring = new IncidentCommand.ChangeStatus(IncidentStatus.Monitoring, Reporter, $"All {count} alert(s) of this incident have resolved.");
        var changed = await RetryingAsync(() => commands.HandleAsync(incident.Id, monitoring, ct), ct);
        return changed.Decision.Error is null;
    }

    /// <summary>
    /// Many alerts of one service land on one incident at once, and the standalone handler commits with
    /// optimistic concurrency: a writer that lost the race reloads and sends again. Every command sent here is
    /// idempotent (keyed notes, a declare bound to its group key, a status already reached is refused), so a
    /// retry can never add twice.
    /// </summary>
    private static async Task<CommandResult> RetryingAsync(Func<Task<CommandResult>> send, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), ct);
            }
        }
    }

    private const int MaxAttempts = 100;

    /// <summary>One occurrence of an alert: the same alert firing again after it resolved is a new occurrence.</summary>
    private static string IdentityKey(IncomingAlert alert) =>
        Clip($"alert|{alert.Source}|{alert.Key}|{alert.StartsAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "-"}", 256);

    private string GroupKey(IncomingAlert alert)
    {
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / (long)GroupingWindow.TotalSeconds;
        return Clip($"alerts|{alert.Service ?? "-"}|{window.ToString(CultureInfo.InvariantCulture)}", 256);
    }

    private static string Routing(IncomingAlert alert) =>
        alert.Service is { } service ? $"Routed to service {service}" : "Matched no service, so the team's default policy is paged";

    private static string Joining(IncomingAlert alert)
    {
        var labels = string.Join(", ", alert.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        var links = alert.Links.Count == 0 ? "" : $" Links: {string.Join(" ", alert.Links)}";
        return $"Alert joined ({alert.Source}): {alert.Title}. Labels: {labels}.{links}";
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
