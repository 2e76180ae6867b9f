using System.Security.Claims;
using IncidentFlows.App.Api;
using Microsoft.AspNetCore.Http;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Web;

/// <summary>The homepage's form fields as the same commands the API's bodies become (<see cref="CommandBodies"/>).</summary>
internal static class WebCommands
{
    public static Parsed Parse(string action, IFormCollection form, ClaimsPrincipal user) => action switch
    {
        "acknowledge" => new C.Acknowledge(Callers.Actor(user, null)),
        "join" => new C.Join(Callers.Actor(user, null)),
        "postmortem-review" => new C.MarkPostmortemReviewed(Callers.Actor(user, null)),
        "status" => CommandBodies.Status(new StatusBody(form["status"].ToString(), NullIfBlank(form["note"])), user),
        "updates" => string.IsNullOrWhiteSpace(form["text"])
            ? Parsed.Invalid("text", "Write the update's text.")
            : new C.PostUpdate(form["text"].ToString().Trim(), Callers.Actor(user, null), null),
        _ => Parsed.Invalid("action", $"There is no incident command '{action}' on the page."),
    };

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
