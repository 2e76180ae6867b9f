using System.Collections.Concurrent;
using IncidentFlows.App.Storage;

namespace IncidentFlows.App.Tests.Teams;

/// <summary>Conversation references and on-call documents in memory (the Table Storage versions are tested against Azurite).</summary>
internal sealed class MemoryDocuments : IConversationReferences, IOnCallDocuments
{
    private readonly ConcurrentDictionary<string, string> _documents = new();

    public IReadOnlyDictionary<string, string> All => _documents;

    public Task UpsertAsync(string key, string json, CancellationToken ct = default)
    {
        _documents[key] = json;
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string key, CancellationToken ct = default) => Task.FromResult(_documents.TryGetValue(key, out var json) ? json : null);

    public Task SaveAsync(string team, string json, CancellationToken ct = default) => UpsertAsync("team-config:" + team, json, ct);

    public Task<string?> LoadAsync(string team, CancellationToken ct = default) => GetAsync("team-config:" + team, ct);
}
