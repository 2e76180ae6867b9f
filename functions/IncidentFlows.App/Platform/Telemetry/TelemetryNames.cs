namespace IncidentFlows.App.Platform.Telemetry;

/// <summary>
/// The names IncidentFlows emits under, written down once: dashboards and alert rules depend on them,
/// so renaming one is a breaking change (docs/telemetry.md lists them).
/// </summary>
public static class TelemetryNames
{
    /// <summary>The ActivitySource and the Meter.</summary>
    public const string Source = "IncidentFlows";

    public const string IncidentsDeclared = "incidents.declared";
    public const string PagesSent = "pages.sent";
    public const string Escalations = "escalations";
    public const string Acknowledgements = "acknowledgements";

    /// <summary>Declared or escalated → page delivered, in seconds.</summary>
    public const string PageLatency = "pages.latency";

    /// <summary>A command's span: "incident Declare", "incident Escalate", …</summary>
    public static string CommandSpan(string command) => $"incident {command}";

    /// <summary>An effect's span: "incident effect Page", …</summary>
    public static string EffectSpan(string effect) => $"incident effect {effect}";

    /// <summary>The Functions host's activity that stores one commit.</summary>
    public const string CommitSpan = "incident commit";

    public static class Tags
    {
        public const string IncidentId = "incident.id";
        public const string Command = "incident.command";
        public const string Effect = "incident.effect";
        public const string Outcome = "incident.outcome";
        public const string Severity = "incident.severity";
        public const string Kind = "incident.kind";
        public const string Team = "incident.team";
        public const string Level = "escalation.level";
    }
}
