using System.Text.Json.Nodes;
using IncidentFlows.Domain.Incidents;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>The 1:1 page: what happened, why you, by when to acknowledge, and the two buttons that answer it.</summary>
public static class PageCard
{
    public static JsonObject For(Incident incident, int level, int round, string via, string deadline)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var data = new JsonObject { [CardVerbs.IncidentKey] = incident.Id.Value };
        return Create(
            [
                Text($"You are paged: {incident.Id} · {incident.Severity.Display()}", size: "Medium", weight: "Bolder", color: "Attention"),
                Text(incident.Title, weight: "Bolder"),
                Facts([("Why you", via), ("Level", $"{level + 1} (round {round + 1})"), ("Acknowledge by", deadline), ("Reported by", incident.Reporter.Name)]),
                Text("Nobody else is paged at this level until the deadline passes.", subtle: true),
            ],
            [
                Execute("Acknowledge", CardVerbs.Acknowledge, data.DeepClone().AsObject(), style: "positive"),
                Execute("I'm joining", CardVerbs.Join, data.DeepClone().AsObject()),
            ]);
    }
}
