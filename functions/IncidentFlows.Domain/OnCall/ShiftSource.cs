namespace IncidentFlows.Domain.OnCall;

/// <summary>Why someone is on call: their turn in a layer, covering for someone, or added by an override.</summary>
public abstract record ShiftSource
{
    private ShiftSource()
    {
    }

    public sealed record Rotation(string Layer) : ShiftSource;

    public sealed record Covering(string Layer, string ForPersonId) : ShiftSource;

    public sealed record Added : ShiftSource;

    /// <summary>Words for a page or a card: "layer London", "layer London, covering for aiko", "override".</summary>
    public string Describe() => this switch
    {
        Rotation r => $"layer {r.Layer}",
        Covering c => $"layer {c.Layer}, covering for {c.ForPersonId}",
        Added => "override",
        _ => throw new InvalidOperationException($"Unknown source {GetType().Name}."),
    };
}
