using IncidentFlows.Domain.Incidents;
using IncidentFlows.Domain.Learning;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.App.Incidents;

/// <summary>
/// One log line per stored event, as the timeline says it, so a host's log tells each incident's story: who was
/// paged (by name) at which level and round, whether the page reached them, and when escalation stopped and why.
/// Written once per commit, by the activity that stores it (a retried commit is not told twice).
/// </summary>
public sealed partial class IncidentStory(ILogger<IncidentStory> log)
{
    public void Tell(IncidentId incident, IEnumerable<IncidentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            var entry = TimelineEntry.Of(e);
            var text = e is IncidentEvent.Acknowledged ? "Acknowledged; escalation stopped." : entry.Text;
            LogEvent(incident.Value, entry.Kind, entry.Who is null ? text : $"{entry.Who}: {text}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{IncidentId} {Kind} · {Line}")]
    private partial void LogEvent(string incidentId, string kind, string line);
}
