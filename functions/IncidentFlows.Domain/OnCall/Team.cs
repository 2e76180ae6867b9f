namespace IncidentFlows.Domain.OnCall;

/// <summary>The team a configuration file describes, and the policy it pages when nothing more specific applies.</summary>
public sealed record Team(string Id, string Name, string DefaultPolicyId);
