using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// One participant's turn in a layer: shift number <paramref name="Number"/> (0 is the first handoff),
/// and when it starts and ends. When the layer is restricted, <paramref name="Span"/> is the part of the
/// shift inside the window that is open now.
/// </summary>
public readonly record struct LayerShift(string Layer, string PersonId, long Number, Interval Span);
