using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace IncidentFlows.Testing.Teams;

/// <summary>
/// The playground's bot-output WebSocket (<c>/_ws_conversation/v1/conversations/stream</c>): every
/// createMessage / updateMessage the bot causes, in order. It replays earlier messages on connect,
/// which is why a test connects before it starts talking.
/// </summary>
internal sealed class PlaygroundStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource _stop = new();

    private PlaygroundStream()
    {
    }

    public static async Task<PlaygroundStream> ConnectAsync(int port)
    {
        var stream = new PlaygroundStream();
        await stream._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), stream._stop.Token);
        _ = Task.Run(stream.ReadAsync);
        return stream;
    }

    public async Task<JsonObject> NextAsync(Func<JsonObject, bool> match, string what, TimeSpan timeout, Func<string> log)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(cancel.Token);
                if (match(message))
                {
                    return message;
                }

                var json = message.ToJsonString();
                seen.Add(json[..Math.Min(300, json.Length)]);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The playground showed no {what} within {timeout.TotalSeconds} s. Seen:\n{string.Join("\n", seen)}\nPlayground log:\n{log()}");
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (JsonNode.Parse(message.ToArray()) is JsonObject json)
                {
                    await _messages.Writer.WriteAsync(json, _stop.Token);
                }

                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // stopped, or the playground went away: NextAsync times out with the log
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        _stop.Dispose();
    }
}
