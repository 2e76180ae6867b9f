using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Cards;
using IncidentFlows.App.Teams.Conversations;
using IncidentFlows.App.Teams.Protocol;
using IncidentFlows.App.Teams.WarRooms;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.App.Teams;

/// <summary>
/// One authenticated activity in, its effects out: remember where we can post, then answer text
/// commands (reply in the thread), card submits (reply) and Action.Execute invokes (the refreshed
/// card as the invoke's answer, so Teams updates the card in place). The bot receives every channel message
/// (RSC <c>ChannelMessage.Read.Group</c>); one not addressed to it is only for <see cref="WarRoomCapture"/>, and
/// only in a war room: other channels are ignored. Reactions and the "Add to incident timeline" message action
/// go there too. Anything else is acknowledged.
/// </summary>
public sealed partial class BotActivityHandler(
    ConversationRecorder recorder,
    BotTextRequests text,
    BotCardActions cards,
    WarRoomCapture warRooms,
    TeamsPeople people,
    ConnectorClient connector,
    ConversationBook book,
    ILogger<BotActivityHandler> log)
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    public async Task<BotResponse> HandleAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await recorder.RecordAsync(activity, ct);
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardAction && (activity.Value?["action"]) is JsonObject action:
                var verb = (string?)action["verb"] ?? "";
                var data = action["data"] as JsonObject ?? [];
                return BotResponse.CardRefresh(await cards.RunAsync(verb, data, Actor(activity), activity.Id, ct));
            case ActivityTypes.Message when activity.Value is JsonObject submitted && string.IsNullOrWhiteSpace(activity.Text):
                var submitVerb = (string?)submitted[CardVerbs.VerbKey] ?? CardVerbs.Declare;
                var card = await cards.RunAsync(submitVerb, submitted, Actor(activity), activity.Id, ct);
                await ReplyAsync(activity, Activity.Message(null, card), ct);
                return BotResponse.Done;
            case ActivityTypes.Invoke when activity.Name == WarRoomCapture.SubmitAction:
                var pinned = await warRooms.OnSubmitActionAsync(activity, await warRooms.IncidentOfAsync(activity, ct), ct);
                return new BotResponse.Invoke(new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = pinned } });
            case ActivityTypes.MessageReaction:
                if (await warRooms.IncidentOfAsync(activity, ct) is { } reactedIn)
                {
                    await warRooms.OnReactionAsync(activity, reactedIn, ct);
                }

                return BotResponse.Done;
            case ActivityTypes.Message when IsChannelTalk(activity):
                if (await warRooms.IncidentOfAsync(activity, ct) is { } writtenIn)
                {
                    await warRooms.OnMessageAsync(activity, writtenIn, ct);
                }
                else
                {
                    LogNotAWarRoom();
                }

                return BotResponse.Done;
            case ActivityTypes.Message:
                var answer = await text.AnswerAsync(activity, ct);
                var sent = await ReplyAsync(activity, answer.Message, ct);
                if (answer.CardOf is { } shown && sent?.Id is { Length: > 0 } sentId && activity.Conversation is { } conversation)
                {
                    await book.SaveCardAsync(conversation.Id, shown.Value, sentId, ct); // typed commands refresh it in place
                }

                return BotResponse.Done;
            default:
                LogIgnored(activity.Type ?? "(none)", activity.Name ?? "");
                return BotResponse.Done;
        }
    }

    /// <summary>A channel message that does not @mention the bot: people talking to each other, not commands.</summary>
    private static bool IsChannelTalk(Activity activity) =>
        activity.Conversation?.ConversationType == "channel"
        && !Mentions.Of(activity).Any(m => m.Id == activity.Recipient?.Id)
        && !(activity.Text ?? "").TrimStart().StartsWith("<at>", StringComparison.Ordinal);

    private Domain.Incidents.Person Actor(Activity activity) => people.From(activity.From ?? new ChannelAccount("unknown"));

    private async Task<ResourceResponse?> ReplyAsync(Activity to, Activity reply, CancellationToken ct)
    {
        if (to.ServiceUrl is null || to.Conversation is null)
        {
            return null;
        }

        var addressed = reply with { From = to.Recipient, Recipient = to.From, Conversation = to.Conversation, ReplyToId = to.Id };
        return to.Id is { Length: > 0 } id
            ? await connector.ReplyAsync(new Uri(to.ServiceUrl), to.Conversation.Id, id, addressed, ct)
            : await connector.SendAsync(new Uri(to.ServiceUrl), to.Conversation.Id, addressed, ct);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A channel message not addressed to the bot, outside any war room: ignored")]
    private partial void LogNotAWarRoom();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot activity {Type} {Name} needs no answer")]
    private partial void LogIgnored(string type, string name);
}
