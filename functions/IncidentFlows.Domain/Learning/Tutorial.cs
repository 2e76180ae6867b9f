using IncidentFlows.Domain.Incidents;

namespace IncidentFlows.Domain.Learning;

/// <summary>The steps of the guided tutorial, in order.</summary>
public enum TutorialStep
{
    SetLead,
    PostUpdate,
    AddAction,
    PinNote,
    Close,
    Done,
}

/// <summary>
/// The guided tutorial: a harmless incident (the office cat stuck up a tree) that walks a person
/// through setting a lead, posting an update, adding an action item, pinning a note and closing —
/// the moves of a real incident, without paging anybody. Pure: the step is read off the state.
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
            _ when incident.Holder(IncidentRole.Lead) is null => TutorialStep.SetLead,
            { UpdatesPosted: 0 } => TutorialStep.PostUpdate,
            { ActionItems.Count: 0 } => TutorialStep.AddAction,
            { PinnedMessages.Count: 0, NotesAdded: 0 } => TutorialStep.PinNote,
            { Status: not IncidentStatus.Closed } => TutorialStep.Close,
            _ => TutorialStep.Done,
        };
    }

    /// <summary>What to do next, said the way the bot says it.</summary>
    public static string Instruction(TutorialStep step) => step switch
    {
        TutorialStep.SetLead => "Step 1 of 5: someone has to lead. Type `lead @yourself`.",
        TutorialStep.PostUpdate => "Step 2 of 5: tell people what is going on. Type `update The cat is on the third branch; a ladder is on its way`.",
        TutorialStep.AddAction => "Step 3 of 5: make sure it does not happen again. Type `action Trim the tree by the window`.",
        TutorialStep.PinNote => "Step 4 of 5: keep what matters on the timeline. Pin a message, or type `note The cat came down by itself`.",
        TutorialStep.Close => "Step 5 of 5: the cat is safe. Type `resolve`, then `close`, and read the postmortem it wrote for you.",
        TutorialStep.Done => "That is the whole loop: declare, lead, update, act, note, close. Declare a drill next time to practise paging too.",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
