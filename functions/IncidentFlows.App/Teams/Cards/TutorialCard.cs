using System.Text.Json.Nodes;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>
/// A tutorial step sent 1:1: its instruction; for the steps a person only reads, the button that moves on (and for
/// the announcement step, the announcement itself); at the end, the incident on the web.
/// </summary>
public static class TutorialCard
{
    public static JsonObject For(Incident incident, TutorialStep step, Uri? site)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var body = new List<JsonNode> { Text($"{incident.Id} (tutorial)", weight: "Bolder"), Text(Tutorial.Instruction(step)) };
        if (step == TutorialStep.ShowAnnouncement)
        {
            body.Add(new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = IncidentCard.For(incident, site: site)["body"]!.DeepClone() });
        }

        var actions = new List<JsonNode>();
        if (Tutorial.IsRead(step))
        {
            actions.Add(Execute(step == TutorialStep.Introduction ? "Start" : "Next", CardVerbs.ContinueTutorial, new JsonObject { [CardVerbs.IncidentKey] = incident.Id.Value }, style: "positive"));
        }

        if (step == TutorialStep.Done && site is not null)
        {
            actions.Add(OpenUrl("View the incident on the web", IncidentCard.Homepage(site, incident).AbsoluteUri));
        }

        return Create(body, actions.Count == 0 ? null : actions);
    }

    /// <summary>The answer to Start or Next: the step, done, without its button (the next step follows as a message).</summary>
    public static JsonObject Read(Incident incident, TutorialStep step) =>
        Create([Text($"{incident.Id} (tutorial)", weight: "Bolder"), Text("✓ " + Tutorial.Instruction(step), subtle: true)]);
}
