namespace IncidentFlows.App.Teams.Cards;

/// <summary>The verbs our cards' Action.Execute (and Action.Submit) buttons carry, and the data keys they read.</summary>
public static class CardVerbs
{
    public const string Declare = "declare";
    public const string Acknowledge = "acknowledge";
    public const string Join = "join";
    public const string Status = "status";
    public const string Update = "update";
    public const string Resolve = "resolve";
    public const string Close = "close";

    /// <summary>Marks the postmortem reviewed (the button on the war-room post that shares it).</summary>
    public const string ReviewPostmortem = "reviewPostmortem";

    /// <summary>Adds an action item from the closing card (data: <c>title</c>).</summary>
    public const string AddAction = "addAction";

    /// <summary>Makes someone the owner of the postmortem review, as an action item assigned to them (data: <c>owner</c>, an Entra object id).</summary>
    public const string ReviewOwner = "reviewOwner";

    /// <summary>Moves on from a tutorial step the person only reads (Start, Next).</summary>
    public const string ContinueTutorial = "continueTutorial";

    /// <summary>Data key holding the incident id on every incident action.</summary>
    public const string IncidentKey = "incident";

    /// <summary>Action.Submit has no verb of its own, so the verb travels in the data too.</summary>
    public const string VerbKey = "verb";
}
