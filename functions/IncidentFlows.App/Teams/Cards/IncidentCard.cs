using System.Text.Json.Nodes;
using IncidentFlows.Domain.Incidents;
using static IncidentFlows.App.Teams.Cards.AdaptiveCard;

namespace IncidentFlows.App.Teams.Cards;

/// <summary>
/// The incident card: what the announcement, the reply to a declare and the refreshed card after a
/// button show. Buttons (Action.Execute) are the ones that make sense in the incident's state.
/// </summary>
public static class IncidentCard
{
    /// <param name="site">The deployment's public base URL (TeamsOptions.PublicBaseUrl): adds the "Incident homepage" button.</param>
    public static JsonObject For(Incident incident, string? problem = null, Uri? site = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var kind = incident.Kind == IncidentKind.Real ? "" : $" · {incident.Kind.ToString().ToUpperInvariant()}";
        var body = new List<JsonNode>
        {
            Text($"{incident.Id} · {incident.Severity.Display()} · {incident.Status.Display()}{kind}", weight: "Bolder", color: Color(incident)),
            Text($"{incident.Title} ({incident.Severity.Display()})", size: "Large", weight: "Bolder"),
        };
        if (incident.Summary is { Length: > 0 } summary)
        {
            body.Add(Text(summary));
        }

        body.Add(Facts(FactsOf(incident)));
        body.Add(Text(LastUpdated(incident), size: "Small", subtle: true));
        if (problem is not null)
        {
            body.Add(Text(problem, color: "Attention"));
        }

        return Create(body, Actions(incident, site));
    }

    private static IEnumerable<(string, string)> FactsOf(Incident i)
    {
        yield return ("Status", i.Status.Display());
        yield return ("Severity", i.Severity.Display());
        yield return ("Lead", i.Holder(IncidentRole.Lead)?.Name ?? "nobody yet");
        yield return ("Acknowledged", i.AcknowledgedBy?.Name ?? "not yet");
        if (i.Responders.Count > 0)
        {
            yield return ("Responding", string.Join(", ", i.Responders.Select(p => p.Name)));
        }

        yield return ("Reported by", i.Reporter.Name);
        if (i.Service is not null)
        {
            yield return ("Service", i.Service);
        }

        if (i.WarRoom is not null)
        {
            yield return ("War room", i.WarRoom.Url is null ? i.WarRoom.Name : $"[{i.WarRoom.Name}]({i.WarRoom.Url})");
        }
    }

    private static IEnumerable<JsonNode> Actions(Incident i, Uri? site)
    {
        if (site is not null)
        {
            yield return OpenUrl("Incident homepage", Homepage(site, i).AbsoluteUri);
        }

        var data = new JsonObject { [CardVerbs.IncidentKey] = i.Id.Value };
        if (i.Status.IsOpen())
        {
            if (!i.IsAcknowledged)
            {
                yield return Execute("Acknowledge", CardVerbs.Acknowledge, data.DeepClone().AsObject(), style: "positive");
            }

            yield return Execute("I'm joining", CardVerbs.Join, data.DeepClone().AsObject());
            yield return ShowCard("Update status", Create(
                [Choices("status", "New status", NextStatus(i.Status), [("Investigating", "investigating"), ("Identified", "identified"), ("Monitoring", "monitoring")]),
                 InputText("note", "Note", "What changed?")],
                [Execute("Save", CardVerbs.Status, data.DeepClone().AsObject())]));
            yield return Execute("Resolve", CardVerbs.Resolve, data.DeepClone().AsObject(), style: "destructive");
        }

        if (i.WarRoom?.Url is { } url)
        {
            yield return OpenUrl("Open war room", url);
        }
    }

    /// <summary>
    /// "Last updated …" in the reader's own time: Teams renders an Adaptive Card's DATE and TIME functions in each
    /// viewer's time zone and locale, so one announcement reads right in Tokyo and in London.
    /// </summary>
    private static string LastUpdated(Incident i)
    {
        var at = (i.ChangedAt ?? i.Times.Reported).InUtc().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return $"Last updated {{{{DATE({at}, SHORT)}}}} at {{{{TIME({at})}}}}";
    }

    /// <summary>The incident's page, absolute: cards and announcements are read far from this server.</summary>
    public static Uri Homepage(Uri site, Incident i, string? page = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(i);
        return new Uri(site, $"incidents/{Uri.EscapeDataString(i.Id.Value)}{(page is null ? "" : "/" + page)}");
    }

    private static string NextStatus(IncidentStatus status) => status switch
    {
        IncidentStatus.Triage or IncidentStatus.Investigating => "identified",
        _ => "monitoring",
    };

    private static string Color(Incident i) => i.Status.IsOpen() ? (i.Severity <= Severity.Sev1 ? "Attention" : "Warning") : "Good";
}
