using System.Security.Claims;
using IncidentFlows.Domain.Incidents;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.App.Api;

/// <summary>A request body turned into a command, or the problem that stopped it.</summary>
public sealed record Parsed(IncidentCommand? Command, InputProblem? Problem)
{
    public static implicit operator Parsed(C command) => new(command, null);

    public static Parsed Invalid(string field, string message) => new(null, new InputProblem(field, message));
}

/// <summary>An input problem found while reading a body, before the decider sees anything.</summary>
public sealed record InputProblem(string Field, string Message);

/// <summary>How each command endpoint reads its body. The decider does the rest of the validation.</summary>
internal static class CommandBodies
{
    public static Parsed Declare(DeclareBody b, ClaimsPrincipal user)
    {
        if (b.Severity is null && string.Equals(b.Kind?.Trim(), "tutorial", StringComparison.OrdinalIgnoreCase))
        {
            b = b with { Severity = "sev4" }; // a tutorial is harmless by definition
        }

        if (SeverityNames.Parse(b.Severity) is not { } severity)
        {
            return Parsed.Invalid("severity", $"'{b.Severity}' is not a severity; use SEV0 (worst) to SEV4.");
        }

        if (!TryKind(b.Kind, out var kind))
        {
            return Parsed.Invalid("kind", $"'{b.Kind}' is not a kind of incident; use real, drill or tutorial.");
        }

        if (kind == IncidentKind.Tutorial && string.IsNullOrWhiteSpace(b.Title))
        {
            b = b with { Title = Domain.Learning.Tutorial.Title, Summary = b.Summary ?? Domain.Learning.Tutorial.Summary };
        }

        return new C.Declare(
            default, b.Title ?? "", severity, Callers.Actor(user, b.Reporter), kind, b.Service, b.Summary,
            b.DetectedAt is { } detected ? NodaTime.Instant.FromDateTimeOffset(detected) : null);
    }

    public static Parsed Status(StatusBody b, ClaimsPrincipal user) => IncidentStatuses.Parse(b.Status) is { } status
        ? new C.ChangeStatus(status, Callers.Actor(user, b.By), b.Note)
        : Parsed.Invalid("status", $"'{b.Status}' is not a status; use investigating, identified, monitoring, resolved, closed or declined.");

    public static Parsed Severity(SeverityBody b, ClaimsPrincipal user) => SeverityNames.Parse(b.Severity) is { } severity
        ? new C.ChangeSeverity(severity, Callers.Actor(user, b.By), b.Reason)
        : Parsed.Invalid("severity", $"'{b.Severity}' is not a severity; use SEV0 (worst) to SEV4.");

    public static Parsed Role(RoleBody b, ClaimsPrincipal user)
    {
        if (RoleNames.Parse(b.Role) is not { } role)
        {
            return Parsed.Invalid("role", $"'{b.Role}' is not a role; use lead, comms, scribe or sme.");
        }

        var by = Callers.Actor(user, b.By);
        if (b.Renounce)
        {
            return new C.RenounceRole(role, by);
        }

        return b.Assignee is { Id: { Length: > 0 } }
            ? new C.AssignRole(role, Callers.Named(b.Assignee), by)
            : Parsed.Invalid("assignee", "Say who takes the role: assignee.id is missing.");
    }

    /// <summary>An action item's details; the same body adds one and replaces one's details.</summary>
    public static Parsed ActionItem(ActionItemBody b, ClaimsPrincipal user, string? key, int? number)
    {
        if (b.Importance is not { } importance || b.Urgency is not { } urgency || b.Size is not { } size)
        {
            var missing = b.Importance is null ? "importance" : b.Urgency is null ? "urgency" : "size";
            return Parsed.Invalid(missing, $"Say the action item's {missing} (importance and urgency: low, medium, high; size: hours, days, weeks).");
        }

        var details = new ActionItemDetails(
            b.Title ?? "", importance, urgency, size, b.Status ?? ActionItemStatus.Backlog,
            b.Assignee is { Id: { Length: > 0 } } ? Callers.Named(b.Assignee) : null, b.Confidence, b.Due);
        var by = Callers.Actor(user, b.By);
        return number is { } n ? new C.UpdateActionItem(n, details, by) : new C.AddActionItem(details, by, key);
    }

    private static bool TryKind(string? text, out IncidentKind kind)
    {
        kind = IncidentKind.Real;
        return string.IsNullOrWhiteSpace(text) || (Enum.TryParse(text.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind));
    }
}
