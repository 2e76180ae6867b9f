namespace IncidentFlows.App.Storage;

/// <summary>Where the bot can reach a user or channel proactively (opaque Bot Framework JSON).</summary>
public interface IConversationReferences
{
    Task UpsertAsync(string key, string json, CancellationToken ct = default);

    /// <summary>The stored JSON, or null when none was stored under <paramref name="key"/>.</summary>
    Task<string?> GetAsync(string key, CancellationToken ct = default);
}
