namespace IncidentFlows.App.Teams.Commands;

/// <summary>A command people type to the bot: its name, how to use it, and what it does.</summary>
public sealed record BotCommand(string Name, string Usage, string Description);

/// <summary>
/// Every text command, in the order the help card shows them. The one list: the help card, the
/// parser's typo tolerance and the Teams app manifest's <c>commandLists</c> are all checked against it.
/// </summary>
public static class BotCommands
{
    public static IReadOnlyList<BotCommand> All { get; } =
    [
        new("declare", "declare sev2 checkout failing", "Declare an incident (no text: the declare form)."),
        new("ack", "ack", "Acknowledge the page: you are on it."),
        new("join", "join", "Say you are working on the incident."),
        new("status", "status identified", "Set the status (investigating, identified, monitoring, resolved), or show the incident."),
        new("sev", "sev1 because all regions", "Change the severity."),
        new("title", "title card payments fail in the EU", "Give the incident a new title (its war room is renamed to match)."),
        new("lead", "lead @person", "Make someone the incident lead (\"lead me\" for yourself)."),
        new("comms", "comms @person", "Make someone the communications lead."),
        new("scribe", "scribe @person", "Make someone the scribe."),
        new("update", "update rolling back 4.2", "Post a status update (announced and on the timeline)."),
        new("note", "note error rate back to normal", "Add a note to the timeline."),
        new("action", "action alert on checkout 5xx", "Add a follow-up action item."),
        new("pin", "pin", "Reply with it in a war-room thread: the thread's message goes on the timeline (or react with 📌)."),
        new("resolve", "resolve rolled back", "Mark the incident resolved."),
        new("close", "close", "Close a resolved incident."),
        new("reopen", "reopen errors are back", "Reopen a resolved or closed incident."),
        new("reviewed", "reviewed", "Mark the postmortem reviewed once the team has been through it (ends the time to learn)."),
        new("oncall", "oncall", "Who is on call now, per escalation level."),
        new("drill", "drill sev3 database failover", "Declare a drill: pages and war room, not in metrics."),
        new("help", "help", "This list."),
    ];

    /// <summary>Other words people use for a command.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["acknowledge"] = "ack",
        ["severity"] = "sev",
        ["on-call"] = "oncall",
        ["whoisoncall"] = "oncall",
        ["communications"] = "comms",
        ["resolved"] = "resolve",
        ["closed"] = "close",
        ["?"] = "help",
    };
}
