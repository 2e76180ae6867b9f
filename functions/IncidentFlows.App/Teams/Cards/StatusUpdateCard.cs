using System.Text.Json.Nodes;
using IncidentFlows.Domain.Incidents;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>Asks for a status update (sent to the lead when one is overdue); the answer is posted as the update.</summary>
public static class StatusUpdateCard
{
    public static JsonObject For(Incident incident, string missedDue)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Create(
            [
                Text($"{incident.Id}: a status update was due at {missedDue}", weight: "Bolder", color: "Warning"),
                Text(incident.Title),
                InputText("text", "Status update", "What do we know, what are we doing, when is the next update?", multiline: true, required: true),
            ],
            [Execute("Post update", CardVerbs.Update, new JsonObject { [CardVerbs.IncidentKey] = incident.Id.Value })]);
    }
}
