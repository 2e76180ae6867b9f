using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>Acknowledging, joining and roles: who is on the incident, and since when.</summary>
internal static class Participation
{
    public static Decision Acknowledge(IncidentCommand.Acknowledge c, Incident s, DecisionContext ctx)
    {
        if (Texts.RequirePerson(c.By, "by") is { } error)
        {
            return error;
        }

        if (s.IsAcknowledged)
        {
            return Decision.Nothing;
        }

        return s.Status.IsOpen()
            ? Decision.Accept(new E.Acknowledged(c.By) { At = ctx.Now })
            : Decision.Reject("incident.not_open", $"{s.Id} is {s.Status.Display()}; there is nothing to acknowledge.");
    }

    /// <summary>Joining an unacknowledged incident acknowledges it too: the person paged pressed "I'm joining".</summary>
    public static Decision Join(IncidentCommand.Join c, Incident s, DecisionContext ctx)
    {
        if (Texts.RequirePerson(c.By, "by") is { } error)
        {
            return error;
        }

        if (s.Responders.Any(p => p.Id == c.By.Id))
        {
            return Decision.Nothing;
        }

        if (!s.Status.IsOpen())
        {
            return Decision.Reject("incident.not_open", $"{s.Id} is {s.Status.Display()}; reopen it to work on it again.");
        }

        E.Joined joined = new(c.By) { At = ctx.Now };
        return s.IsAcknowledged
            ? Decision.Accept(joined)
            : Decision.Accept(new E.Acknowledged(c.By) { At = ctx.Now }, joined);
    }

    public static Decision AssignRole(IncidentCommand.AssignRole c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequirePerson(c.Assignee, "assignee") ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        if (!Enum.IsDefined(c.Role) || c.Role == IncidentRole.Reporter)
        {
            return DomainError.Invalid("role", "The role must be lead, comms, scribe or sme; the reporter is whoever declared.");
        }

        return s.Holds(c.Role, c.Assignee)
            ? Decision.Nothing
            : Decision.Accept(new E.RoleAssigned(c.Role, c.Assignee, c.By) { At = ctx.Now });
    }

    public static Decision RenounceRole(IncidentCommand.RenounceRole c, Incident s, DecisionContext ctx)
    {
        if (Texts.RequirePerson(c.By, "by") is { } error)
        {
            return error;
        }

        if (s.Holds(c.Role, c.By))
        {
            return Decision.Accept(new E.RoleRenounced(c.Role, c.By) { At = ctx.Now });
        }

        // Renouncing twice is a retry, not a mistake; renouncing a role never held is one.
        var heldBefore = s.Roles.Any(h => h.Role == c.Role && h.Person.Id == c.By.Id);
        return heldBefore
            ? Decision.Nothing
            : Decision.Reject("role.not_held", $"{c.By.Name} is not the {c.Role.Display()} of {s.Id}.");
    }
}
