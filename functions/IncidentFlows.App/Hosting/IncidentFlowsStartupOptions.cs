namespace IncidentFlows.App.Hosting;

/// <summary>How a host starts; set in code by the host, not read from settings.</summary>
public sealed class IncidentFlowsStartupOptions
{
    /// <summary>
    /// True (the standalone server): no team configuration stops the start. False (the Functions host):
    /// the host starts without one so that PUT /api/oncall/configuration can load the first one.
    /// </summary>
    public bool RequireTeamConfiguration { get; set; } = true;
}
