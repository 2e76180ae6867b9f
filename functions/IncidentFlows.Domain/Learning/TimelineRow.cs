using NodaTime;

namespace IncidentFlows.Domain.Learning;

/// <summary>One line of a timeline: the event's UTC instant, the same instant on the viewer's wall clock, and what happened.</summary>
public sealed record TimelineRow(int Sequence, Instant At, ZonedDateTime Local, string LocalText, string Kind, string? Who, string Text, bool Pinned);
