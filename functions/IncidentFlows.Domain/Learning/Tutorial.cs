using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.Domain.Learning;

/// <summary>The steps of the guided tutorial, in order.</summary>
public enum TutorialStep
{
    Introduction,
    ShowAnnouncement,
    SetLead,
    PostUpdate,
    AddAction,
    PinMessage,
    Close,
    Done,
}

/// <summary>
/// The guided tutorial: a harmless incident (the office cat stuck up a tree) that walks a person through the seven
/// steps of a real incident without paging anybody: the introduction, what the announcement looks like, setting a
/// lead, posting an update, adding an action item, pinning a message to the timeline and closing — then the incident
/// on the web. Pure: the step is read off the state.
/// </summary>
public static class Tutorial
{
    public const string Title = "Tutorial: the office cat is stuck up a tree";

    public const string Summary = "A practice incident. Nobody is paged and it counts in no metric.";

    public static TutorialStep StepOf(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident switch
        {
            { Kind: not IncidentKind.Tutorial } => TutorialStep.Done,
            { TutorialStepsRead: 0 } => TutorialStep.Introduction,
            { TutorialStepsRead: 1 } => TutorialStep.ShowAnnouncement,
            _ when incident.Holder(IncidentRole.Lead) is null => TutorialStep.SetLead,
            { UpdatesPosted: 0 } => TutorialStep.PostUpdate,
            { ActionItems.Count: 0 } => TutorialStep.AddAction,
            { PinnedMessages.Count: 0 } => TutorialStep.PinMessage,
            { Status: not IncidentStatus.Closed } => TutorialStep.Close,
            _ => TutorialStep.Done,
        };
    }

    /// <summary>The steps a person only reads, and moves on from with the card's button.</summary>
    public static bool IsRead(TutorialStep step) => step is TutorialStep.Introduction or TutorialStep.ShowAnnouncement;

    /// <summary>What to do next, said the way the bot says it.</summary>
    public static string Instruction(TutorialStep step) => step switch
    {
        TutorialStep.Introduction => "Step 1 of 7: welcome to a practice incident — the office cat is stuck up a tree. Nobody is paged and it counts in no metric. Press `Start`.",
        TutorialStep.ShowAnnouncement => "Step 2 of 7: in a real incident everyone in the incidents channel sees an announcement like the one below, kept up to date as things change. Press `Next`.",
        TutorialStep.SetLead => "Step 3 of 7: someone has to lead. Type `lead me`.",
        TutorialStep.PostUpdate => "Step 4 of 7: tell people what is going on. Type `update The cat is on the third branch; a ladder is on its way`.",
        TutorialStep.AddAction => "Step 5 of 7: make sure it does not happen again. Type `action Trim the tree by the window`.",
        TutorialStep.PinMessage => "Step 6 of 7: keep what matters on the timeline. On one of your messages here choose ⋯ → `Add to incident timeline` (in a war room, react with 📌).",
        TutorialStep.Close => "Step 7 of 7: the cat is safe. Type `resolve`, then `close`, and read the postmortem it wrote for you.",
        TutorialStep.Done => "That is the whole loop: lead, update, act, pin, close. Declare a drill next time to practise paging too.",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
