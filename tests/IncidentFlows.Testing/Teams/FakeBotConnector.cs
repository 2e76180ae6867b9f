using System.Text.Json.Nodes;

namespace IncidentFlows.Testing.Teams;

/// <summary>
/// A Bot Connector on loopback that behaves like the Agents Playground's mock: 201 with ids for sends
/// and creates, 200 for updates, and 400 for any body with a null in it or an update with both text and a card. <see cref="FailNext"/> makes
/// the next calls fail (e.g. 429 with Retry-After) to exercise retries. People in <see cref="WithoutApp"/> get
/// what Teams answers when the app is not installed for them: 403 <c>BotNotInConversationRoster</c>.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly Queue<FakeResponse> _failures = new();
    private readonly Lock _gate = new();
    private int _ids = 1000;

    private FakeBotConnector(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public Uri ServiceUrl => Server.BaseUri;

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>Entra object ids of people the app is not installed for: a 1:1 chat with them is refused as Teams refuses it.</summary>
    public HashSet<string> WithoutApp { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Members <c>GET …/members/{id}</c> answers with, by Teams user id.</summary>
    public Dictionary<string, JsonObject> Members { get; } = [];

    public static async Task<FakeBotConnector> StartAsync()
    {
        FakeBotConnector? connector = null;
        var server = await FakeHttpServer.StartAsync(r => connector!.Answer(r));
        connector = new FakeBotConnector(server);
        return connector;
    }

    public void FailNext(FakeResponse failure)
    {
        lock (_gate)
        {
            _failures.Enqueue(failure);
        }
    }

    private FakeResponse Answer(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_failures.TryDequeue(out var failure))
            {
                return failure;
            }

            if (request.Body.Length > 0 && ContainsNull(JsonNode.Parse(request.Body)))
            {
                return new FakeResponse(400, """{"error":{"code":"BadArgument","message":"Invalid input"}}""");
            }

            if (request.Method == "PUT" && JsonNode.Parse(request.Body) is { } update && update["text"] is not null && update["attachments"] is JsonArray { Count: > 0 })
            {
                // What Teams (and the playground) answer: text + card are two messages underneath.
                return new FakeResponse(400, """{"error":{"code":"BadSyntax","message":"Activity resulted into multiple skype activities"}}""");
            }

            if (request.Method == "POST" && request.Path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal)
                && JsonNode.Parse(request.Body)?["members"] is JsonArray members
                && members.Any(m => (string?)m?["aadObjectId"] is { } aad && WithoutApp.Contains(aad)))
            {
                return new FakeResponse(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
            }

            var id = (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var segments = request.Path.Trim('/').Split('/');
            return (request.Method, segments) switch
            {
                ("POST", ["v3", "conversations"]) => new FakeResponse(201, Create(request.Body, id)),
                ("POST", ["v3", "conversations", _, "activities", ..]) => new FakeResponse(201, $$"""{"id":"{{id}}"}"""),
                ("PUT", ["v3", "conversations", _, "activities", var activityId]) => new FakeResponse(200, $$"""{"id":"{{activityId}}"}"""),
                ("GET", ["v3", "conversations", _, "members", var member]) when Members.TryGetValue(member, out var m) => FakeResponse.Ok(m.ToJsonString()),
                _ => new FakeResponse(404, """{"error":{"code":"NotFound"}}"""),
            };
        }
    }

    private static string Create(string body, string id)
    {
        var parameters = JsonNode.Parse(body)!;
        var channel = (string?)parameters["channelData"]?["channel"]?["id"];
        return channel is null
            ? $$"""{"id":"a:personal-{{id}}"}"""
            : $$"""{"id":"{{channel}};messageid={{id}}","activityId":"{{id}}"}""";
    }

    private static bool ContainsNull(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Any(p => ContainsNull(p.Value)),
        JsonArray a => a.Any(ContainsNull),
        _ => false,
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
