using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// A person on call at some instant, why, and the span of the shift or override that put them there.
/// </summary>
public sealed record OnCallShift(string PersonId, ShiftSource Source, Interval Span);
