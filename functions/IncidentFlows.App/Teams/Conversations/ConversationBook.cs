using System.Text.Json;
using IncidentFlows.App.Storage;
using IncidentFlows.App.Teams.Protocol;

namespace IncidentFlows.App.Teams.Conversations;

/// <summary>
/// The bot's address book over <see cref="IConversationReferences"/>. Keys: <c>team</c> (the team the
/// app is installed in), <c>channel:{teams channel id}</c>, <c>user:{entra object id}</c> and
/// <c>warroom:{teams channel id}</c> (which incident a channel belongs to), and <c>sent:{message key}</c>
/// (proactive messages already delivered, so a retried effect does not post them twice), and
/// <c>card:{conversation id}:{incident id}</c> (the incident card a reply put in a conversation, refreshed in place by typed commands).
/// </summary>
public sealed class ConversationBook(IConversationReferences store)
{
    public Task<ConversationReference?> TeamAsync(CancellationToken ct) => GetAsync<ConversationReference>("team", ct);

    public Task<ConversationReference?> ChannelAsync(string channelId, CancellationToken ct) => GetAsync<ConversationReference>($"channel:{channelId}", ct);

    public Task<ConversationReference?> UserAsync(string entraObjectId, CancellationToken ct) => GetAsync<ConversationReference>($"user:{entraObjectId.ToLowerInvariant()}", ct);

    public async Task<string?> IncidentOfChannelAsync(string channelId, CancellationToken ct) => (await GetAsync<WarRoomLink>($"warroom:{channelId}", ct))?.IncidentId;

    public Task LinkWarRoomAsync(string channelId, string incidentId, CancellationToken ct) => PutAsync($"warroom:{channelId}", new WarRoomLink(incidentId), ct);

    /// <summary>The conversation is no longer an incident's (a tutorial's chat once it is done).</summary>
    public Task UnlinkWarRoomAsync(string channelId, CancellationToken ct) => PutAsync($"warroom:{channelId}", new WarRoomLink(null), ct);

    public async Task<bool> WasSentAsync(string messageKey, CancellationToken ct) => await store.GetAsync($"sent:{messageKey}", ct) is not null;

    public Task MarkSentAsync(string messageKey, CancellationToken ct) => store.UpsertAsync($"sent:{messageKey}", "{}", ct);

    /// <summary>Where a message that is posted once and then updated in place went (the announcement), if it was sent.</summary>
    public async Task<string?> SentAsAsync(string messageKey, CancellationToken ct) => (await GetAsync<SentMessage>($"sent:{messageKey}", ct))?.Reference;

    public Task MarkSentAsync(string messageKey, string reference, CancellationToken ct) => PutAsync($"sent:{messageKey}", new SentMessage(reference), ct);

    /// <summary>The activity id of the incident's card in the conversation, if the bot replied with one there.</summary>
    public async Task<string?> CardAsync(string conversationId, string incidentId, CancellationToken ct) =>
        (await GetAsync<SentMessage>($"card:{conversationId}:{incidentId}", ct))?.Reference;

    public Task SaveCardAsync(string conversationId, string incidentId, string activityId, CancellationToken ct) =>
        PutAsync($"card:{conversationId}:{incidentId}", new SentMessage(activityId), ct);

    public Task SaveTeamAsync(ConversationReference team, CancellationToken ct) => PutAsync("team", team, ct);

    public Task SaveChannelAsync(string channelId, ConversationReference channel, CancellationToken ct) => PutAsync($"channel:{channelId}", channel, ct);

    public Task SaveUserAsync(string entraObjectId, ConversationReference user, CancellationToken ct) => PutAsync($"user:{entraObjectId.ToLowerInvariant()}", user, ct);

    private sealed record SentMessage(string? Reference);

    private async Task<T?> GetAsync<T>(string key, CancellationToken ct)
        where T : class => await store.GetAsync(key, ct) is { } json ? JsonSerializer.Deserialize<T>(json, BotJson.Options) : null;

    private Task PutAsync<T>(string key, T value, CancellationToken ct) => store.UpsertAsync(key, JsonSerializer.Serialize(value, BotJson.Options), ct);
}
