namespace IncidentFlows.App.Storage;

/// <summary>Each team's on-call configuration document (schedules, policies, services) as loaded from its JSON file.</summary>
public interface IOnCallDocuments
{
    /// <summary>Saves the team's document, replacing the previous one. Documents over about 900 KiB are refused.</summary>
    Task SaveAsync(string team, string json, CancellationToken ct = default);

    /// <summary>The team's document, or null when none was saved.</summary>
    Task<string?> LoadAsync(string team, CancellationToken ct = default);
}
