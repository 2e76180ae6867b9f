using System.Text.Json.Nodes;
using IncidentFlows.Domain.Incidents;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>
/// "Did you mean close INC-9?" for a near miss of a guarded command: one button does what was probably
/// meant, so a typo costs a click and never an incident closed or a person woken by mistake.
/// </summary>
public static class DidYouMeanCard
{
    public static JsonObject Create(string meant, IncidentId? incident, string typed)
    {
        ArgumentNullException.ThrowIfNull(meant);
        var target = incident is { } id ? $"{meant} {id}" : meant;
        var body = new List<JsonNode>
        {
            Text($"Did you mean {target}?", weight: "Bolder"),
            Text($"You wrote \"{(typed.Length <= 80 ? typed : typed[..80] + "…")}\"; nothing was changed.", subtle: true),
        };
        if (incident is null)
        {
            body.Add(Text("Name the incident (\"INC-42 close\") or write in its war-room channel.", subtle: true));
        }

        return AdaptiveCard.Create(body, incident is { } known && Button(meant, known) is { } button ? [button] : []);
    }

    /// <summary>The button doing <paramref name="meant"/>; none for reopen, which needs a reason typed.</summary>
    private static JsonObject? Button(string meant, IncidentId incident)
    {
        var data = new JsonObject { [CardVerbs.IncidentKey] = incident.Value };
        var title = $"Yes, {meant} {incident}";
        switch (meant.Split(' '))
        {
            case ["ack"]:
                return Execute(title, CardVerbs.Acknowledge, data, style: "positive");
            case ["resolve"]:
                return Execute(title, CardVerbs.Resolve, data, style: "destructive");
            case ["close"]:
                return Execute(title, CardVerbs.Close, data, style: "destructive");
            case ["reviewed"]:
                return Execute(title, CardVerbs.ReviewPostmortem, data, style: "positive");
            case ["status", var status]:
                data["status"] = status;
                return Execute(title, CardVerbs.Status, data);
            default:
                return null;
        }
    }
}
