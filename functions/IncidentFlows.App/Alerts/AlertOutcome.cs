namespace IncidentFlows.App.Alerts;

/// <summary>What happened to one alert of a delivery, as the sender's 2xx answer reports it.</summary>
/// <param name="Result">opened (a new incident), joined (an open one), repeat (already on it), resolved, unmatched (a resolution of an alert we never saw), or drill.</param>
public sealed record AlertOutcome(string Key, string Result, string? IncidentId, string? Service, string? Note);

/// <summary>A drill's answer: where the alert would have gone, and who would have been paged now.</summary>
public sealed record AlertDrill(string Key, string Severity, string? Service, string Routing, string? Policy, IReadOnlyList<string> People);
