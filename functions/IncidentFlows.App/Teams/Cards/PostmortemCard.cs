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
    }

    private static string Reviewed(Instant at, FollowUpTime learn) =>
        $"Postmortem reviewed {LocalTimeText.Format(at, DateTimeZone.Utc)}"
        + (learn.Duration is { } took ? $", {DurationText.Format(took)} after the resolution." : ".");
}
