using System.Text.Json.Nodes;
using IncidentFlows.App.Teams.Commands;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>The commands, from <see cref="BotCommands"/>; shown for "help" and for anything not understood.</summary>
public static class HelpCard
{
    public static JsonObject Create(string? notUnderstood = null)
    {
        var body = new List<JsonNode>();
        if (notUnderstood is { Length: > 0 })
        {
            body.Add(Text($"I did not understand \"{Shorten(notUnderstood)}\".", color: "Warning"));
        }

        body.Add(Text("IncidentFlows commands", weight: "Bolder"));
        body.Add(Facts(BotCommands.All.Select(c => (c.Usage, c.Description))));
        body.Add(Text("In a war-room channel the incident is implied; elsewhere name it: \"INC-42 ack\".", subtle: true));
        return AdaptiveCard.Create(body, [Execute("Declare an incident", CardVerbs.Declare, new JsonObject())]);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
