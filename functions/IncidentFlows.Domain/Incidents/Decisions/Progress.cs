using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>Severity and status: the incident's course from triage to closed, and back by reopening.</summary>
internal static class Progress
{
    public static Decision ChangeSeverity(IncidentCommand.ChangeSeverity c, Incident s, DecisionContext ctx)
    {
        if (Texts.RequirePerson(c.By, "by") is { } error)
        {
            return error;
        }

        if (!Enum.IsDefined(c.Severity))
        {
            return DomainError.Invalid("severity", "The severity must be SEV0 (worst) to SEV4.");
        }

        if (c.Severity == s.Severity)
        {
            return Decision.Nothing;
        }

        var policy = ctx.Policies[c.Severity];
        var nextDue = Instant.Min(s.NextUpdateDue, ctx.Now + policy.UpdateCadence);
        E.SeverityChanged changed = new(s.Severity, c.Severity, c.By, c.Reason, policy, nextDue) { At = ctx.Now };

        // Raised to a severity that pages, with nobody paged or acknowledging yet: start paging now.
        var startsPaging = s.Escalation is null && !s.IsAcknowledged && s.Status.IsOpen() && Declaring.ShouldPage(policy, s.Kind);
        return startsPaging ? Decision.Accept([changed, .. Escalation.Start(s.Service, policy, ctx)]) : Decision.Accept(changed);
    }

    public static Decision ChangeStatus(IncidentStatus to, Person by, string? note, Incident s, DecisionContext ctx)
    {
        if (Texts.RequirePerson(by, "by") is { } error)
        {
            return error;
        }

        if (!Enum.IsDefined(to))
        {
            return DomainError.Invalid("status", "The status must be investigating, identified, monitoring, resolved, closed or declined.");
        }

        if (note is { Length: > Limits.TextLength })
        {
            return DomainError.Invalid("note", $"The note is {note.Length} characters; the limit is {Limits.TextLength}.");
        }

        if (to == s.Status)
        {
            return Decision.Nothing;
        }

        return StatusTransitions.IsAllowed(s.Status, to)
            ? Decision.Accept(new E.StatusChanged(s.Status, to, by, note) { At = ctx.Now })
            : Decision.Reject("status.transition", StatusTransitions.Explain(s.Id, s.Status, to));
    }

    public static Decision Reopen(IncidentCommand.Reopen c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequirePerson(c.By, "by") ?? Texts.RequireText(c.Reason, "reason", "reason for reopening")) is { } error)
        {
            return error;
        }

        if (s.Status.IsOpen())
        {
            return Decision.Nothing; // already open: a retried reopen
        }

        return StatusTransitions.CanReopen(s.Status)
            ? Decision.Accept(new E.Reopened(c.By, c.Reason.Trim(), ctx.Now + s.Policy.UpdateCadence) { At = ctx.Now })
            : Decision.Reject("status.transition", $"{s.Id} is {s.Status.Display()} and cannot be reopened.");
    }
}
