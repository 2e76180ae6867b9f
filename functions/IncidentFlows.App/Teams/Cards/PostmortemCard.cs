using System.Text.Json.Nodes;
using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using NodaTime;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>
/// The card on the war-room post that shares the postmortem: a link to it and, until the team has reviewed it, the button
/// that marks it reviewed — the end of the time to learn (docs/metrics.md). Reviewed, it says when and how long learning took.
/// </summary>
public static class PostmortemCard
{
    /// <param name="site">The deployment's public base URL (TeamsOptions.PublicBaseUrl): adds the "Read the postmortem" button.</param>
    public static JsonObject For(Incident incident, string? problem = null, Uri? site = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var body = new List<JsonNode> { Text($"Postmortem of {incident.Id}", weight: "Bolder"), Text(incident.Title, subtle: true) };
        if (incident.Status == IncidentStatus.Closed)
        {
            body.Add(Text($"{incident.Id} is closed. If it comes back, say \"reopen\" and why here (or \"{incident.Id} reopen …\" anywhere). Next steps: read the postmortem, add or update the action items, and give the review an owner."));
            body.Add(Text(ActionItemsLine(incident), subtle: true));
        }

        body.Add(incident.Times.PostmortemReviewed is { } reviewed
            ? Text(Reviewed(reviewed, FollowUpTimes.Of(incident).TimeToLearn), color: "Good")
            : Text("Once the team has reviewed it together, mark it reviewed: that ends the time to learn.", subtle: true));
        if (problem is not null)
        {
            body.Add(Text(problem, color: "Attention"));
        }

        return Create(body, Actions(incident, site));
    }

    private static IEnumerable<JsonNode> Actions(Incident i, Uri? site)
    {
        if (site is not null)
        {
            yield return OpenUrl("Read the postmortem", IncidentCard.Homepage(site, i, "postmortem").AbsoluteUri);
        }

        if (i.Times.PostmortemReviewed is null && i.Status is IncidentStatus.Resolved or IncidentStatus.Closed)
        {
            yield return Execute("Mark postmortem reviewed", CardVerbs.ReviewPostmortem, new JsonObject { [CardVerbs.IncidentKey] = i.Id.Value }, style: "positive");
        }

        if (i.Status != IncidentStatus.Closed)
        {
            yield break;
        }

        var data = new JsonObject { [CardVerbs.IncidentKey] = i.Id.Value };
        yield return ShowCard("Add an action item", Create(
            [InputText("title", "Action item", "What would stop this happening again?", required: true)],
            [Execute("Add", CardVerbs.AddAction, data.DeepClone().AsObject())]));
        if (site is not null)
        {
            yield return OpenUrl("Update action items", IncidentCard.Homepage(site, i).AbsoluteUri);
        }

        if (!i.ActionItems.Any(a => a.Details.Title == ReviewTitle(i.Id)))
        {
            yield return ShowCard("Assign the review", Create(
                [PeoplePicker("owner", "Who leads the postmortem review?")],
                [Execute("Assign", CardVerbs.ReviewOwner, data.DeepClone().AsObject())]));
        }
    }

    /// <summary>The postmortem review's owner is the assignee of this action item; done when the review was held.</summary>
    public static ActionItemDetails ReviewItem(IncidentId incident, Person owner) =>
        new(ReviewTitle(incident), Importance.High, Urgency.High, ActionItemSize.Hours, Assignee: owner);

    private static string ReviewTitle(IncidentId incident) => $"Lead the postmortem review of {incident}";

    private static string ActionItemsLine(Incident i)
    {
        var open = i.ActionItems.Count(a => !a.IsFinished);
        var owner = i.ActionItems.FirstOrDefault(a => a.Details.Title == ReviewTitle(i.Id))?.Details.Assignee?.Name;
        return $"Action items: {i.ActionItems.Count} ({open} open). Review owner: {owner ?? "nobody yet"}.";
    }

    /// <summary>Teams' people picker: an Input.ChoiceSet over the organisation's directory; its value is the person's Entra object id.</summary>
    private static JsonObject PeoplePicker(string id, string label) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = id,
        ["label"] = label,
        ["isRequired"] = true,
        ["choices"] = new JsonArray(),
        ["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users" },
    };

    private static string Reviewed(Instant at, FollowUpTime learn) =>
        $"Postmortem reviewed {LocalTimeText.Format(at, DateTimeZone.Utc)}"
        + (learn.Duration is { } took ? $", {DurationText.Format(took)} after the resolution." : ".");
}
