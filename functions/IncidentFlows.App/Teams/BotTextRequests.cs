using IncidentFlows.App.Incidents;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Commands;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.App.Teams.WarRooms;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Teams;

/// <summary>What to reply, and which incident's card it carries (so the handler can remember where that card went).</summary>
public sealed record BotReply(Activity Message, IncidentId? CardOf = null)
{
    public static implicit operator BotReply(Activity message) => new(message);
}

/// <summary>
/// Answers a text command: runs it and says what happened, as a message with the incident card, the
/// help card, or a sentence. In a war-room channel the incident is the channel's. A command on an incident
/// whose card this conversation already shows refreshes that card in place (as its buttons do) and says so,
/// instead of leaving the old card stale beside a new one.
/// </summary>
public sealed class BotTextRequests(
    IncidentDeclarations declarations,
    IIncidentCommands commands,
    IncidentRepository incidents,
    ConversationBook book,
    ConnectorClient connector,
    TeamsPeople people,
    WarRoomCapture warRooms,
    ITeamContextSource team,
    TimeProvider clock)
{
    public async Task<BotReply> AnswerAsync(Activity message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var by = people.From(message.From ?? new ChannelAccount("unknown"));
        var key = message.Id is { Length: > 0 } id ? "teams:" + id : null;
        return CommandParser.Parse(Mentions.StripBot(message)) switch
        {
            BotRequest.Declare { Title.Length: 0 } => (BotReply)Activity.Message(null, DeclareCard.Create()),
            BotRequest.Declare d => await DeclareAsync(new C.Declare(default, d.Title, d.Severity ?? Severity.Sev3, by, d.Kind), key, ct),
            BotRequest.ForIncident f => await RunAsync(f, message, by, key, ct),
            BotRequest.Show s => await ShowAsync(s.Incident ?? await ImpliedAsync(message, ct), ct),
            BotRequest.OnCall => Activity.Message(OnCallNow()),
            BotRequest.Pin => await warRooms.IncidentOfAsync(message, ct) is { } incident
                ? Activity.Message(await warRooms.PinThreadAsync(message, incident, ct))
                : Activity.Message("Pinning works in an incident's war-room channel: reply \"pin\" to the message, or react with 📌."),
            BotRequest.Refused r => Activity.Message(r.Message),
            BotRequest.DidYouMean m => Activity.Message(null, DidYouMeanCard.Create(m.Meant, m.Incident ?? await ImpliedAsync(message, ct), m.Typed)),
            BotRequest.Help h => Activity.Message(null, HelpCard.Create(h.NotUnderstood)),
            _ => Activity.Message(null, HelpCard.Create()),
        };
    }

    private async Task<BotReply> DeclareAsync(C.Declare declare, string? key, CancellationToken ct)
    {
        var result = await declarations.DeclareAsync(declare, key, ct);
        return result.State is { } state ? new BotReply(Activity.Message($"Declared {state.Id}.", IncidentCard.For(state)), state.Id) : Activity.Message(result.Decision.Error!.Message);
    }

    private async Task<BotReply> RunAsync(BotRequest.ForIncident request, Activity message, Person by, string? key, CancellationToken ct)
    {
        // An acknowledgement answers a page, so a 1:1 chat (which is a tutorial's room while it runs) never implies one:
        // "ack" there names its incident or is the page card's button, and never lands on the tutorial instead.
        var implied = request.Intent is IncidentIntent.Acknowledge && message.Conversation?.ConversationType == "personal" ? null : await ImpliedAsync(message, ct);
        if ((request.Incident ?? implied) is not { } id)
        {
            return Activity.Message("Which incident? Name it, like \"INC-42 ack\", or write in the incident's war-room channel.");
        }

        Person? assignee = null;
        if (request.Intent is IncidentIntent.AssignRole role)
        {
            assignee = await people.FindAsync(role.Who, by, Mentions.Of(message), m => MemberAsync(message, m, ct), ct);
            if (assignee is null)
            {
                return Activity.Message($"I could not find \"{role.Who}\": @mention them, or use their UPN or team member id.");
            }
        }

        var result = await commands.HandleAsync(id, request.Intent.ToCommand(by, assignee, key), ct);
        return (result.Decision.Error, result.State) switch
        {
            ({ } error, _) => Activity.Message(error.Message),
            (null, { } state) when request.Intent is IncidentIntent.PostUpdate or IncidentIntent.AddNote or IncidentIntent.AddAction =>
                Activity.Message($"{state.Id}: {Confirmation(request.Intent)}"),
            (null, { } state) when request.Intent is IncidentIntent.MarkPostmortemReviewed => Activity.Message(Reviewed(state)),
            (null, { } state) => await RefreshedAsync(message, state, ct),
            _ => Activity.Message($"There is no incident {id}."),
        };
    }

    /// <summary>The card this conversation already shows, updated in place with a sentence saying so; else a new card.</summary>
    private async Task<BotReply> RefreshedAsync(Activity message, Domain.Incidents.Incident state, CancellationToken ct)
    {
        if (message is { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversation }
            && await book.CardAsync(conversation, state.Id.Value, ct) is { } shown)
        {
            try
            {
                await connector.UpdateAsync(new Uri(serviceUrl), conversation, shown, Activity.Message(null, IncidentCard.For(state)), ct);
                return Activity.Message($"{state.Id} is {state.Status.Display()}{(state.IsAcknowledged ? $", acknowledged by {state.AcknowledgedBy!.Name}" : "")}; its card above is up to date.");
            }
            catch (ConnectorException)
            {
                // deleted, or too old to edit: post a fresh card below
            }
        }

        return new BotReply(Activity.Message(null, IncidentCard.For(state)), state.Id);
    }

    private async Task<BotReply> ShowAsync(IncidentId? id, CancellationToken ct) =>
        id is null ? Activity.Message("Which incident? Say \"INC-42 status\".")
        : (await incidents.LoadAsync(id.Value, ct)).State is { } state ? new BotReply(Activity.Message(null, IncidentCard.For(state)), state.Id)
        : Activity.Message($"There is no incident {id}.");

    /// <summary>The incident whose war room this channel is, if it is one.</summary>
    private async Task<IncidentId?> ImpliedAsync(Activity message, CancellationToken ct)
    {
        var channel = message.TeamsChannelId() ?? (message.Conversation is { } c ? ConversationRecorder.BaseConversationId(c.Id) : null);
        return channel is not null && await book.IncidentOfChannelAsync(channel, ct) is { } incident ? new IncidentId(incident) : null;
    }

    private async Task<ChannelAccount?> MemberAsync(Activity message, Mention mention, CancellationToken ct)
    {
        if (message.ServiceUrl is null || message.Conversation is null)
        {
            return null;
        }

        try
        {
            return await connector.GetMemberAsync(new Uri(message.ServiceUrl), message.Conversation.Id, mention.Id, ct);
        }
        catch (ConnectorException)
        {
            return null; // the mention's name and id still identify them
        }
    }

    private string OnCallNow()
    {
        var context = team.Current;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (context.OnCall.PlanFor(null) is not { } plan)
        {
            return "No escalation policy is configured.";
        }

        var lines = Enumerable.Range(0, plan.Levels).Select(level =>
        {
            var responders = context.OnCall.RespondersAt(plan.PolicyId, level, now);
            return $"- Level {level + 1}: " + (responders.Count == 0 ? "nobody (coverage gap)" : string.Join(", ", responders.Select(r => $"{r.Name} ({r.Via})")));
        });
        return $"On call now for policy **{plan.PolicyId}**:\n\n" + string.Join("\n", lines);
    }

    private static string Reviewed(Domain.Incidents.Incident state) =>
        FollowUpTimes.Of(state).TimeToLearn.Duration is { } took
            ? $"{state.Id}: the postmortem is reviewed, {DurationText.Format(took)} after the resolution."
            : $"{state.Id}: the postmortem is reviewed.";

    private static string Confirmation(IncidentIntent intent) => intent switch
    {
        IncidentIntent.PostUpdate => "update posted.",
        IncidentIntent.AddNote => "noted on the timeline.",
        _ => "action item added.",
    };
}
