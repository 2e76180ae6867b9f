using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.App.Teams.Commands;

/// <summary>What a message to the bot asks for, once read. A closed hierarchy: the bot's switch is exhaustive.</summary>
public abstract record BotRequest
{
    private BotRequest()
    {
    }

    /// <summary>"declare sev2 checkout failing", "drill sev3 …"; no title shows the declare form.</summary>
    public sealed record Declare(Severity? Severity, string Title, IncidentKind Kind) : BotRequest;

    /// <summary>Something done to an incident: named ("INC-42 ack") or implied by the war-room channel (null).</summary>
    public sealed record ForIncident(IncidentId? Incident, IncidentIntent Intent) : BotRequest;

    /// <summary>"status" without a new status: show the incident card.</summary>
    public sealed record Show(IncidentId? Incident) : BotRequest;

    public sealed record OnCall : BotRequest;

    /// <summary>"pin" replying in a war-room thread: the thread's first message goes on the timeline.</summary>
    public sealed record Pin : BotRequest;

    /// <summary>Understood but not possible as written ("declare sev7 …"); <paramref name="Message"/> says what to write.</summary>
    public sealed record Refused(string Message) : BotRequest;

    /// <summary>
    /// A near miss of a guarded command (<see cref="CommandParser.Guarded"/>): <paramref name="Meant"/> is what
    /// was probably meant ("close", "status resolved"), <paramref name="Typed"/> what was written. Nothing runs.
    /// </summary>
    public sealed record DidYouMean(string Meant, IncidentId? Incident, string Typed) : BotRequest;

    /// <summary>The help card; <paramref name="NotUnderstood"/> is the input that was not a command.</summary>
    public sealed record Help(string? NotUnderstood) : BotRequest;
}

/// <summary>What to do to an incident; turned into a command once the actor (and assignee) are known.</summary>
public abstract record IncidentIntent
{
    private IncidentIntent()
    {
    }

    public sealed record Acknowledge : IncidentIntent;

    public sealed record Join : IncidentIntent;

    public sealed record SetStatus(IncidentStatus Status, string? Note) : IncidentIntent;

    public sealed record SetSeverity(Severity Severity, string? Reason) : IncidentIntent;

    /// <summary><paramref name="Who"/>: "me", a mention's text, a team member id, a UPN or an Entra object id.</summary>
    public sealed record AssignRole(IncidentRole Role, string Who) : IncidentIntent;

    public sealed record PostUpdate(string Text) : IncidentIntent;

    public sealed record AddNote(string Text) : IncidentIntent;

    public sealed record AddAction(string Title) : IncidentIntent;

    public sealed record Resolve(string? Summary) : IncidentIntent;

    public sealed record Close : IncidentIntent;

    public sealed record Reopen(string Reason) : IncidentIntent;

    public sealed record Retitle(string Title) : IncidentIntent;

    public sealed record MarkPostmortemReviewed : IncidentIntent;

    /// <summary>The command, given who acts, who is assigned (for roles) and the message's idempotency key.</summary>
    public IncidentCommand ToCommand(Person by, Person? assignee, string? key) => this switch
    {
        Acknowledge => new IncidentCommand.Acknowledge(by),
        Join => new IncidentCommand.Join(by),
        SetStatus s => new IncidentCommand.ChangeStatus(s.Status, by, s.Note),
        SetSeverity s => new IncidentCommand.ChangeSeverity(s.Severity, by, s.Reason),
        AssignRole r => new IncidentCommand.AssignRole(r.Role, assignee ?? by, by),
        PostUpdate u => new IncidentCommand.PostUpdate(u.Text, by, key),
        AddNote n => new IncidentCommand.AddNote(n.Text, by, key),
        AddAction a => new IncidentCommand.AddActionItem(new ActionItemDetails(a.Title, Importance.Medium, Urgency.Medium, ActionItemSize.Days), by, key),
        Resolve r => new IncidentCommand.Resolve(by, r.Summary),
        Close => new IncidentCommand.Close(by),
        Reopen r => new IncidentCommand.Reopen(by, r.Reason),
        Retitle t => new IncidentCommand.Retitle(t.Title, by),
        MarkPostmortemReviewed => new IncidentCommand.MarkPostmortemReviewed(by),
        _ => throw new InvalidOperationException($"Unknown intent {GetType().Name}."),
    };
}
