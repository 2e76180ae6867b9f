using E = IncidentFlows.Domain.Incidents.IncidentEvent;

namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>Status updates and their cadence, notes, pins, and the results of the effects that talk to Teams.</summary>
internal static class Communication
{
    public static Decision PostUpdate(IncidentCommand.PostUpdate c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequireText(c.Text, "text", "update") ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        if (IsRetry(c.Key, s))
        {
            return Decision.Nothing;
        }

        return s.Status == IncidentStatus.Declined
            ? Decision.Reject("incident.declined", $"{s.Id} was declined; reopen it to post updates.")
            : Decision.Accept(new E.UpdatePosted(c.Text.Trim(), c.By, ctx.Now + s.Policy.UpdateCadence, c.Key) { At = ctx.Now });
    }

    public static Decision AddNote(IncidentCommand.AddNote c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequireText(c.Text, "text", "note") ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        return IsRetry(c.Key, s) ? Decision.Nothing : Decision.Accept(new E.NoteAdded(c.Text.Trim(), c.By, c.Key) { At = ctx.Now });
    }

    public static Decision PinMessage(IncidentCommand.PinMessage c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequireText(c.MessageRef, "messageRef", "message reference")
             ?? Texts.RequireText(c.Text, "text", "pinned message")
             ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        return s.PinnedMessages.Contains(c.MessageRef)
            ? Decision.Nothing
            : Decision.Accept(new E.MessagePinned(c.MessageRef, c.Text.Trim(), c.By)
            {
                At = ctx.Now,
                Author = c.Author,
                PostedAt = c.PostedAt is { } posted && posted <= ctx.Now ? posted : null, // a clock ahead of ours never dates a pin in the future
                Link = string.IsNullOrWhiteSpace(c.Link) ? null : c.Link.Trim(),
            });
    }

    public static Decision RecordWarRoomMembers(IncidentCommand.RecordWarRoomMembers c, Incident s, DecisionContext ctx) =>
        c.Members is null ? DomainError.Invalid("members", "Say who is in the war room.")
        : c.Members.Select(p => p.Id).Order().SequenceEqual(s.WarRoomMembers.Select(p => p.Id).Order()) ? Decision.Nothing
        : Decision.Accept(new E.WarRoomMembersRecorded(c.Members) { At = ctx.Now });

    public static Decision ContinueTutorial(IncidentCommand.ContinueTutorial c, Incident s, DecisionContext ctx)
    {
        if (Texts.RequirePerson(c.By, "by") is { } error)
        {
            return error;
        }

        if (s.Kind != IncidentKind.Tutorial)
        {
            return DomainError.Invalid("incident", $"{s.Id} is not a tutorial.");
        }

        var step = Learning.Tutorial.StepOf(s);
        return Learning.Tutorial.IsRead(step) ? Decision.Accept(new E.TutorialContinued(step, c.By) { At = ctx.Now }) : Decision.Nothing; // a second press
    }

    public static Decision Retitle(IncidentCommand.Retitle c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequireText(c.Title, "title", "title") ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        var title = c.Title.Trim();
        if (title.Length > Limits.TitleLength)
        {
            return DomainError.Invalid("title", $"The title is {title.Length} characters; keep it to {Limits.TitleLength} and put the detail in the summary.");
        }

        return title == s.Title ? Decision.Nothing : Decision.Accept(new E.TitleChanged(s.Title, title, c.By) { At = ctx.Now });
    }

    public static Decision ShareLink(IncidentCommand.ShareLink c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequireText(c.Url, "url", "link") ?? Texts.RequireText(c.Kind, "kind", "kind of link") ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        var url = c.Url.Trim();
        return s.SharedLinks.Contains(url)
            ? Decision.Nothing
            : Decision.Accept(new E.LinkShared(url, c.Kind.Trim(), string.IsNullOrWhiteSpace(c.Title) ? url : c.Title.Trim(), c.By)
            {
                At = ctx.Now,
                PostedAt = c.PostedAt is { } posted && posted <= ctx.Now ? posted : null,
                MessageRef = c.MessageRef,
            });
    }

    public static Decision NoteWarRoomWriter(IncidentCommand.NoteWarRoomWriter c, Incident s, DecisionContext ctx) =>
        Texts.RequirePerson(c.Author, "author") is { } error ? error
        : s.WarRoomWriters.Any(p => p.Id == c.Author.Id) ? Decision.Nothing
        : Decision.Accept(new E.WroteInWarRoom(c.Author) { At = ctx.Now });

    public static Decision UnpinMessage(IncidentCommand.UnpinMessage c, Incident s, DecisionContext ctx)
    {
        if ((Texts.RequireText(c.MessageRef, "messageRef", "message reference") ?? Texts.RequirePerson(c.By, "by")) is { } error)
        {
            return error;
        }

        return s.PinnedMessages.Contains(c.MessageRef)
            ? Decision.Accept(new E.MessageUnpinned(c.MessageRef, c.By) { At = ctx.Now })
            : Decision.Nothing;
    }

    /// <summary>The timer fired: nudge the lead (or the reporter) if the cadence lapsed without an update.</summary>
    public static Decision Remind(Incident s, DecisionContext ctx) =>
        s.Status.IsOpen() && ctx.Now >= s.NextUpdateDue
            ? Decision.Accept(new E.UpdateReminderSent(s.UpdateOwner, s.NextUpdateDue, ctx.Now + s.Policy.UpdateCadence) { At = ctx.Now })
            : Decision.Nothing;

    /// <summary>The first war room reported wins; a retried effect reporting again changes nothing.</summary>
    /// <summary>The war room is recorded once; recorded again under another name (after a rename) it was renamed.</summary>
    public static Decision RecordWarRoom(IncidentCommand.RecordWarRoom c, Incident s, DecisionContext ctx) =>
        s.WarRoom is { } room ? (room.ChannelId == c.ChannelId && room.Name != c.Name && !string.IsNullOrWhiteSpace(c.Name)
            ? Decision.Accept(new E.WarRoomRenamed(c.Name, c.Url ?? room.Url) { At = ctx.Now })
            : Decision.Nothing)
        : Texts.RequireText(c.ChannelId, "channelId", "channel id") is { } error ? error
        : Decision.Accept(new E.WarRoomRecorded(c.ChannelId, c.Name, c.Url) { At = ctx.Now });

    public static Decision RecordAnnouncement(IncidentCommand.RecordAnnouncement c, Incident s, DecisionContext ctx) =>
        s.AnnouncementRef is not null ? Decision.Nothing
        : Texts.RequireText(c.MessageRef, "messageRef", "message reference") is { } error ? error
        : Decision.Accept(new E.AnnouncementRecorded(c.MessageRef) { At = ctx.Now });

    private static bool IsRetry(string? key, Incident s) => key is not null && s.SeenKeys.Contains(key);
}
