using IncidentFlows.Domain.Incidents.Decisions;
using C = IncidentFlows.Domain.Incidents.IncidentCommand;

namespace IncidentFlows.Domain.Incidents;

/// <summary>
/// <c>Decide(command, state, context) → events or a domain error</c>. Pure: no I/O, no clock; the
/// context carries the time, the severity policies and the on-call directory. Repeating a command
/// is harmless (it decides no events); an invalid one is refused, never thrown.
/// </summary>
public static class IncidentDecider
{
    public static Decision Decide(IncidentCommand command, Incident? state, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command is C.Declare declare)
        {
            return state is null ? Declaring.Declare(declare, context) : Decision.Nothing;
        }

        if (state is null)
        {
            return command is C.Escalate or C.Remind ? Decision.Nothing : Decision.Reject("incident.not_found", "There is no such incident.");
        }

        if (state.Status == IncidentStatus.Closed && IsRetryOfWhatHappened(command, state))
        {
            return Decision.Nothing; // a client retrying close or acknowledge gets the incident back, not a 409
        }

        if (state.Status == IncidentStatus.Closed && !AllowedWhenClosed(command))
        {
            return Decision.Reject("incident.closed", $"{state.Id} is closed; reopen it first.");
        }

        return command switch
        {
            C.Acknowledge c => Participation.Acknowledge(c, state, context),
            C.Join c => Participation.Join(c, state, context),
            C.AssignRole c => Participation.AssignRole(c, state, context),
            C.RenounceRole c => Participation.RenounceRole(c, state, context),
            C.ChangeSeverity c => Progress.ChangeSeverity(c, state, context),
            C.ChangeStatus c => Progress.ChangeStatus(c.Status, c.By, c.Note, state, context),
            C.Resolve c => Progress.ChangeStatus(IncidentStatus.Resolved, c.By, c.Summary, state, context),
            C.Close c => Progress.ChangeStatus(IncidentStatus.Closed, c.By, null, state, context),
            C.Reopen c => Progress.Reopen(c, state, context),
            C.MarkPostmortemReviewed c => Reviewing.MarkPostmortemReviewed(c, state, context),
            C.PostUpdate c => Communication.PostUpdate(c, state, context),
            C.AddNote c => Communication.AddNote(c, state, context),
            C.PinMessage c => Communication.PinMessage(c, state, context),
            C.UnpinMessage c => Communication.UnpinMessage(c, state, context),
            C.ShareLink c => Communication.ShareLink(c, state, context),
            C.Retitle c => Communication.Retitle(c, state, context),
            C.ContinueTutorial c => Communication.ContinueTutorial(c, state, context),
            C.RecordWarRoomMembers c => Communication.RecordWarRoomMembers(c, state, context),
            C.NoteWarRoomWriter c => Communication.NoteWarRoomWriter(c, state, context),
            C.Remind => Communication.Remind(state, context),
            C.RecordWarRoom c => Communication.RecordWarRoom(c, state, context),
            C.RecordAnnouncement c => Communication.RecordAnnouncement(c, state, context),
            C.Escalate => Escalation.Escalate(state, context),
            C.RecordPageDelivered c => Delivery.PageDelivered(c, state, context),
            C.RecordPageUndeliverable c => Delivery.PageUndeliverable(c, state, context),
            C.RecordEffectAbandoned c => Delivery.EffectAbandoned(c, state, context),
            C.AddActionItem c => ActionItems.Add(c, state, context),
            C.UpdateActionItem c => ActionItems.Update(c, state, context),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown incident command."),
        };
    }

    /// <summary>
    /// A closed incident still takes a reopen, late timers (which decide nothing), late effect results (delivery outcomes included),
    /// action items and the postmortem's review: the postmortem is reviewed and its follow-ups worked on after the close.
    /// </summary>
    private static bool IsRetryOfWhatHappened(IncidentCommand command, Incident state) =>
        command is C.Close || (command is C.Acknowledge && state.IsAcknowledged);

    private static bool AllowedWhenClosed(IncidentCommand command) =>
        command is C.Reopen or C.Escalate or C.Remind or C.RecordWarRoom or C.RecordAnnouncement
            or C.RecordPageDelivered or C.RecordPageUndeliverable or C.RecordEffectAbandoned
            or C.AddActionItem or C.UpdateActionItem or C.RecordWarRoomMembers or C.MarkPostmortemReviewed;
}
