using System.Text.Json.Nodes;

namespace IncidentFlows.Testing.Teams;

/// <summary>
/// Microsoft Graph on loopback, for the calls IncidentFlows makes: list and create channels in a team,
/// archive one, send an activity-feed notification, get a user, read a channel message. Channels created are listed afterwards.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly List<JsonObject> _channels = [];
    private readonly Lock _gate = new();
    private readonly Queue<FakeResponse> _failures = new();
    private int _ids;

    private FakeGraph(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public Uri BaseUrl => new(Server.BaseUri, "v1.0");

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>Who <c>GET …/channels/{id}/members</c> lists, for any channel.</summary>
    public List<(string UserId, string DisplayName)> ChannelMembers { get; } = [];

    /// <summary>Channel messages by id, as <c>GET /teams/{team}/channels/{channel}/messages/{id}</c> (or <c>…/replies/{id}</c>) returns them.</summary>
    public Dictionary<string, JsonObject> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>Users by id or UPN, as <c>GET /users/{key}</c> returns them.</summary>
    public Dictionary<string, JsonObject> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<FakeGraph> StartAsync()
    {
        FakeGraph? graph = null;
        var server = await FakeHttpServer.StartAsync(r => graph!.Answer(r));
        graph = new FakeGraph(server);
        return graph;
    }

    public void AddChannel(string id, string name, string? description = null)
    {
        lock (_gate)
        {
            _channels.Add(Channel(id, name, description));
        }
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

            var segments = request.Path.Trim('/').Split('/');
            return (request.Method, segments) switch
            {
                ("GET", ["v1.0", "teams", _, "channels"]) => FakeResponse.Ok(new JsonObject { ["value"] = new JsonArray([.. _channels.Select(c => c.DeepClone())]) }.ToJsonString()),
                ("POST", ["v1.0", "teams", _, "channels"]) => new FakeResponse(201, Created(JsonNode.Parse(request.Body)!).ToJsonString()),
                ("POST", ["v1.0", "teams", _, "channels", _, "archive"]) => new FakeResponse(202),
                ("GET", ["v1.0", "teams", _, "channels", _, "members"]) => FakeResponse.Ok(new JsonObject
                {
                    ["value"] = new JsonArray([.. ChannelMembers.Select(m => (JsonNode)new JsonObject
                    {
                        ["@odata.type"] = "#microsoft.graph.aadUserConversationMember",
                        ["id"] = "member-" + m.UserId,
                        ["userId"] = m.UserId,
                        ["displayName"] = m.DisplayName,
                    })]),
                }.ToJsonString()),
                ("PATCH", ["v1.0", "teams", _, "channels", var channelId]) => Patched(channelId, JsonNode.Parse(request.Body)!.AsObject()),
                ("POST", ["v1.0", "users", _, "teamwork", "sendActivityNotification"]) => new FakeResponse(204),
                ("GET", ["v1.0", "teams", _, "channels", _, "messages", var id]) when Messages.TryGetValue(id, out var message) => FakeResponse.Ok(message.ToJsonString()),
                ("GET", ["v1.0", "teams", _, "channels", _, "messages", _, "replies", var id]) when Messages.TryGetValue(id, out var reply) => FakeResponse.Ok(reply.ToJsonString()),
                ("GET", ["v1.0", "users", var key]) when Users.TryGetValue(key, out var user) => FakeResponse.Ok(user.ToJsonString()),
                _ => new FakeResponse(404, """{"error":{"code":"NotFound","message":"Not found"}}"""),
            };
        }
    }

    private JsonObject Created(JsonNode body)
    {
        var id = $"19:warroom{++_ids}@thread.tacv2";
        var channel = Channel(id, (string)body["displayName"]!, (string?)body["description"]);
        _channels.Add(channel);
        return (JsonObject)channel.DeepClone();
    }

    /// <summary>PATCH on a channel: its displayName and description change as Graph would change them (204).</summary>
    private FakeResponse Patched(string channelId, JsonObject changes)
    {
        var channel = _channels.OfType<JsonObject>().FirstOrDefault(c => (string?)c["id"] == channelId);
        foreach (var (name, value) in changes.Where(c => c.Key is "displayName" or "description"))
        {
            if (channel is not null)
            {
                channel[name] = value?.DeepClone();
            }
        }

        return new FakeResponse(204);
    }

    private static JsonObject Channel(string id, string name, string? description)
    {
        var channel = new JsonObject
        {
            ["id"] = id,
            ["displayName"] = name,
            ["membershipType"] = "standard",
            ["webUrl"] = $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(name)}",
        };
        if (description is not null)
        {
            channel["description"] = description;
        }

        return channel;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
