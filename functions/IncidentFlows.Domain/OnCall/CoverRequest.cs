using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>"Cover me": <paramref name="Requester"/> asks <paramref name="Coverer"/> to take their on-call for a span.</summary>
public sealed record CoverRequest(string Requester, string Coverer, Interval Span)
{
    /// <summary>The override that makes it so: wherever the requester would be on call, the coverer is.</summary>
    public Override.Replace ToOverride() => new(Requester, Coverer, Span);
}
