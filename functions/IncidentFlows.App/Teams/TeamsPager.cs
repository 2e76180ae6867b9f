using System.Net;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Graph;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.OnCall;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using X = IncidentFlows.Domain.Incidents.Effects.IncidentEffect;

namespace IncidentFlows.App.Teams;

/// <summary>
/// One page to one person: the 1:1 card with Acknowledge / I'm joining and the activity-feed bell, sent
/// side by side so a slow Graph never holds the chat message. The outcome is the chat's: delivered, or
/// undeliverable with the reason. What Teams answers is an outcome, not an exception; only our own
/// storage failing throws (and is retried by the activity).
/// </summary>
public sealed partial class TeamsPager(IActivityFeed feed, TeamsMessenger messenger, ConversationBook book, TeamsPeople people, ILogger<TeamsPager> log)
{
    public async Task<IncidentCommand> PageAsync(Incident incident, X.Page page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(page);
        var at = page.ToRef();
        if (people.Member(page.Responder.PersonId) is not { } member)
        {
            return new IncidentCommand.RecordPageUndeliverable(at, PageFailure.NoTeamsIdentity, "not a team member with an Entra object id");
        }

        // Keyed by the Paged event's number: unique per incident, so a reopened incident's new round-1 page is sent too.
        var key = page.EventNumber > 0 ? $"{incident.Id}:page:{page.EventNumber}:{member.Id}" : $"{incident.Id}:page:{page.Level}:{page.Round}:{member.Id}";
        if (await book.WasSentAsync(key, ct))
        {
            return new IncidentCommand.RecordPageDelivered(at); // delivered by an earlier attempt that failed after it
        }

        var deadline = page.AckDeadline.InZone(member.TimeZone).ToString("HH:mm (z)", System.Globalization.CultureInfo.InvariantCulture);
        var preview = $"{incident.Id} {incident.Severity.Display()}: {incident.Title}";
        var card = PageCard.For(incident, page.Level, page.Round, page.Responder.Via, deadline);
        var chat = ChatAsync(member.Teams.EntraObjectId, Activity.Message($"You are paged for {preview}", card), ct);
        var bell = BellAsync(key, member, incident, preview, ct);
        await Task.WhenAll(chat, bell);

        if (await chat is { } failure)
        {
            LogCannotReach(incident.Id.Value, member.Name, failure.Reason.Display(), failure.Detail);
            return new IncidentCommand.RecordPageUndeliverable(at, failure.Reason, failure.Detail);
        }

        await book.MarkSentAsync(key, ct); // a crash before this line sends the card again on the retry (at least once)
        return new IncidentCommand.RecordPageDelivered(at);
    }

    private sealed record Failure(PageFailure Reason, string? Detail);

    /// <summary>Null when Teams accepted the message.</summary>
    private async Task<Failure?> ChatAsync(Guid entraObjectId, Activity message, CancellationToken ct)
    {
        try
        {
            return await messenger.SendToUserAsync(entraObjectId, message, ct)
                ? null
                : new Failure(PageFailure.AppNotInstalled, "the bot has no conversation with them: the app is not installed for them yet");
        }
        catch (ConnectorException e) when (e.Status is HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout)
        {
            return new Failure(PageFailure.TimedOut, e.Message);
        }
        catch (ConnectorException e) when (e.Status == HttpStatusCode.Forbidden && e.Message.Contains("BotNotInConversationRoster", StringComparison.Ordinal))
        {
            // What Teams answers when the app is not (or no longer) installed for the person.
            return new Failure(PageFailure.AppNotInstalled, e.Message);
        }
        catch (ConnectorException e)
        {
            return new Failure(PageFailure.TeamsRefused, e.Message);
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new Failure(PageFailure.TimedOut, "no answer within the Bot Connector's total timeout");
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException && !ct.IsCancellationRequested)
        {
            return new Failure(PageFailure.TeamsRefused, e.Message);
        }
    }

    /// <summary>The bell is a bonus beside the chat: its failure (a Graph timeout included) is logged, never the page's outcome.</summary>
    private async Task BellAsync(string pageKey, TeamMember member, Incident incident, string preview, CancellationToken ct)
    {
        try
        {
            var key = pageKey + ":feed";
            if (await book.WasSentAsync(key, ct))
            {
                return;
            }

            await feed.NotifyAsync(member.Teams.EntraObjectId, incident.Id.Value, preview, incident.WarRoom?.Url, ct);
            await book.MarkSentAsync(key, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogFeedFailed(e, incident.Id.Value, member.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{IncidentId}: cannot page {Person} in Teams: {Reason} ({Detail})")]
    private partial void LogCannotReach(string incidentId, string person, string reason, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{IncidentId}: the activity-feed notification to {Person} failed")]
    private partial void LogFeedFailed(Exception exception, string incidentId, string person);
}
