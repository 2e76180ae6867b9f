using NodaTime;
using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

internal static class Declaring
{
    public static Decision Declare(IncidentCommand.Declare c, DecisionContext ctx)
    {
        if (Validate(c, ctx.Now) is { } error)
        {
            return error;
        }

        var policy = ctx.Policies[c.Severity];
        var declared = new E.Declared(
            c.Id, c.Title.Trim(), c.Severity, c.Kind, c.Reporter, Blank(c.Service), Blank(c.Summary), c.DetectedAt, policy,
            ctx.Now + policy.UpdateCadence) { At = ctx.Now };

        var paging = ShouldPage(policy, c.Kind) ? Escalation.Start(c.Service, policy, ctx) : [];
        return Decision.Accept([declared, .. paging]);
    }

    /// <summary>Tutorials walk a person through the process without waking anybody up.</summary>
    public static bool ShouldPage(SeverityPolicy policy, IncidentKind kind) => policy.PagesOnCall && kind != IncidentKind.Tutorial;

    private static DomainError? Validate(IncidentCommand.Declare c, Instant now)
    {
        if (string.IsNullOrWhiteSpace(c.Id.Value) || c.Id.Value.Length > Limits.IdLength)
        {
            return DomainError.Invalid("id", $"An incident id is 1 to {Limits.IdLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(c.Title))
        {
            return DomainError.Invalid("title", "Say in a few words what is wrong: the title is empty.");
        }

        if (c.Title.Trim().Length > Limits.TitleLength)
        {
            return DomainError.Invalid("title", $"The title is {c.Title.Trim().Length} characters; keep it to {Limits.TitleLength} and put the detail in the summary.");
        }

        if (c.Summary is { Length: > Limits.TextLength })
        {
            return DomainError.Invalid("summary", $"The summary is {c.Summary.Length} characters; the limit is {Limits.TextLength}.");
        }

        if (!Enum.IsDefined(c.Severity))
        {
            return DomainError.Invalid("severity", "The severity must be SEV0 (worst) to SEV4.");
        }

        // A few minutes of clock skew between a monitoring system and us is tolerated.
        if (c.DetectedAt is { } detected && detected > now + Duration.FromMinutes(5))
        {
            return DomainError.Invalid("detectedAt", "The detection time is in the future; it must be at or before the report.");
        }

        return Texts.RequirePerson(c.Reporter, "reporter");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
