using System.Net.Http.Json;
using System.Text.Json;

namespace IncidentFlows.App.Teams.Protocol;

/// <summary>
/// Bot Connector REST v3: the calls IncidentFlows makes to Teams (send, reply, update in place,
/// create a 1:1 chat or a channel thread, members). The base address is the activity's serviceUrl.
/// Authentication and retries are handlers in front of the <see cref="HttpClient"/> (see TeamsServices).
/// </summary>
public sealed class ConnectorClient(HttpClient http)
{
    public Task<ResourceResponse> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, ct);

    public Task<ResourceResponse> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, ct);

    /// <summary>Replaces a message in place (PUT); Teams shows the edit without a new notification.</summary>
    public Task<ResourceResponse> UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity with { Id = activityId }, ct);

    public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        CallAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, ct);

    public Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(Uri serviceUrl, string conversationId, CancellationToken ct) =>
        CallAsync<IReadOnlyList<ChannelAccount>>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members", null, ct);

    public Task<ChannelAccount> GetMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken ct) =>
        CallAsync<ChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, ct);

    private async Task<T> CallAsync<T>(HttpMethod method, Uri serviceUrl, string path, object? body, CancellationToken ct)
    {
        var baseUri = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options);
        }

        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(ct);
            throw new ConnectorException(response.StatusCode, $"{method} {request.RequestUri} answered {(int)response.StatusCode}: {Truncate(detail)}");
        }

        if (response.Content.Headers.ContentLength is 0)
        {
            return typeof(T) == typeof(ResourceResponse) ? (T)(object)new ResourceResponse(null) : throw new ConnectorException(response.StatusCode, $"{method} {request.RequestUri} returned no body.");
        }

        return await response.Content.ReadFromJsonAsync<T>(BotJson.Options, ct)
            ?? throw new ConnectorException(response.StatusCode, $"{method} {request.RequestUri} returned null.");
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>The Bot Connector refused a call (after retries, for transient failures).</summary>
public sealed class ConnectorException(System.Net.HttpStatusCode status, string message) : Exception(message)
{
    public System.Net.HttpStatusCode Status { get; } = status;
}
