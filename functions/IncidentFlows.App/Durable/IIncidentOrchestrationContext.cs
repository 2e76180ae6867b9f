namespace IncidentFlows.App.Durable;

/// <summary>
/// The part of a Durable Functions orchestration context an incident's turn uses. The Functions host
/// adapts <c>TaskOrchestrationContext</c> to it one call for one call; the turn is unit-tested against it.
/// Payloads are JSON strings (<see cref="Incidents.Json.IncidentJson"/>), so Durable's own serializer
/// never has to understand the domain types.
/// </summary>
public interface IIncidentOrchestrationContext
{
    /// <summary>The orchestration's replay-safe time (UTC); never the machine clock.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>The next <see cref="IncidentOrchestration.CommandEvent"/> external event's payload.</summary>
    Task<string> WaitForCommandAsync(CancellationToken ct);

    /// <summary>A durable timer; cancelling <paramref name="ct"/> cancels it.</summary>
    Task CreateTimerAsync(DateTime fireAtUtc, CancellationToken ct);

    /// <summary>Calls an activity with a retry policy; throws when every attempt failed.</summary>
    Task<string?> CallActivityAsync(string name, string input, ActivityRetry retry);

    /// <summary>Restarts the orchestration with a new input and an empty history; unprocessed events are kept.</summary>
    void ContinueAsNew(string input);
}
