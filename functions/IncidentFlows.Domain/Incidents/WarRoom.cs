namespace IncidentFlows.Domain.Incidents;

/// <summary>The incident's war-room channel, once the effect that opens it has reported back.</summary>
public sealed record WarRoom(string ChannelId, string Name, string? Url);
