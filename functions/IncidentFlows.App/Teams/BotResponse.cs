using System.Text.Json.Nodes;

namespace IncidentFlows.App.Teams;

/// <summary>What the bot endpoint answers the Connector with, besides any messages it sent.</summary>
public abstract record BotResponse
{
    private BotResponse()
    {
    }

    /// <summary>200 with no body: the activity was handled (replies, if any, went through the Connector).</summary>
    public sealed record Handled : BotResponse;

    /// <summary>An invoke's synchronous answer; for <c>adaptiveCard/action</c> the card that replaces the clicked one.</summary>
    public sealed record Invoke(JsonObject Body) : BotResponse;

    public static BotResponse Done { get; } = new Handled();

    public static Invoke CardRefresh(JsonObject card) => new(new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = Protocol.Attachment.AdaptiveCardType,
        ["value"] = card,
    });
}
