using System.Text.Json.Nodes;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>The declare form: title, severity, service, and whether it is a drill. If in doubt, declare.</summary>
public static class DeclareCard
{
    public static JsonObject Create(string? problem = null)
    {
        var body = new List<JsonNode>
        {
            Text("Declare an incident", size: "Medium", weight: "Bolder"),
            Text("If in doubt, declare: a SEV4 costs nothing, a missed SEV1 costs a lot.", subtle: true),
            InputText("title", "What is wrong?", "Checkout failing for EU customers", required: true),
            Choices("severity", "Severity", "sev3", [("SEV0 · critical, everyone", "sev0"), ("SEV1 · major", "sev1"), ("SEV2 · significant", "sev2"), ("SEV3 · minor", "sev3"), ("SEV4 · low", "sev4")]),
            InputText("service", "Service (optional)", "checkout"),
            Toggle("drill", "This is a drill"),
        };
        if (problem is not null)
        {
            body.Add(Text(problem, color: "Attention"));
        }

        return AdaptiveCard.Create(body, [Execute("Declare", CardVerbs.Declare, new JsonObject(), style: "positive")]);
    }
}
