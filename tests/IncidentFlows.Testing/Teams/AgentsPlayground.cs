using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentFlows.Testing.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground 0.2.28 (<c>node_modules/.bin/agentsplayground</c>) as a Teams
/// client for tests: started on a free port against a bot endpoint, driven by its HTTP API, read
/// through its WebSocket stream, killed by PID on dispose. Missing or failing: an exception that says
/// so, never a silent pass. <c>TEAMSAPPTESTER_BROWSER=none</c> stops it opening a browser (with no
/// xdg-open it would exit 1); it runs in a temporary folder so its log and config stay out of the repo.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;
    private readonly HttpClient _http;
    private PlaygroundStream? _stream;

    private AgentsPlayground(Process process, int port, string folder)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>The mocked Bot Connector the playground puts in every activity's serviceUrl.</summary>
    public static Uri ServiceUrlFor(int port) => new($"http://localhost:{port}/_connector");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts it on <paramref name="port"/> (a free one when null) — known in advance, the bot can be told its serviceUrl.</summary>
    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(botEndpoint);
        var root = RepositoryRoot.Find();
        var bin = Path.Combine(root.FullName, "node_modules", ".bin", "agentsplayground");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed: {bin} is missing. Run `npm ci` in {root.FullName}.");
        }

        var chosen = port ?? FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("agentsplayground-").FullName;
        var start = new ProcessStartInfo(bin)
        {
            ArgumentList = { "-p", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", botEndpoint.AbsoluteUri, "-c", "msteams", "--dt" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["TEAMSAPPTESTER_BROWSER"] = "none" },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bin}.");
        var playground = new AgentsPlayground(process, chosen, folder);
        process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await playground.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            await playground.ConnectStreamAsync();
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>GET /_internal/v1/config</c>: tenant, bot, current user, chats, the team and its channels.</summary>
    public async Task<JsonObject> ConfigAsync() => (await _http.GetFromJsonAsync<JsonObject>("_internal/v1/config"))!["config"]!.AsObject();

    /// <summary>The current user writes <paramref name="text"/> in a conversation (the bot must be mentioned in channels).</summary>
    public Task<JsonObject> SendAsync(string conversationId, string text, JsonArray? mentions = null)
    {
        var body = new JsonObject { ["from"] = new JsonObject { ["id"] = "user-id-0" }, ["text"] = text, ["textFormat"] = "plain" };
        if (mentions is not null)
        {
            body["mentions"] = mentions;
        }

        return PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
    }

    /// <summary>Clicks an Action.Execute button of a card; returns the bot's invoke response.</summary>
    public Task<JsonObject> ExecuteAsync(string conversationId, string cardMessageId, string verb, JsonObject data) =>
        PostAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = cardMessageId,
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
        });

    /// <summary>
    /// Sends any activity to the bot as the playground would (<c>POST /_internal/v1/customActivities</c>): <paramref name="edit"/> fills in
    /// the playground's template for <paramref name="conversationId"/> (serviceUrl, recipient, conversation, from). The playground
    /// answers before the bot has seen it, so callers wait for the outcome.
    /// </summary>
    public async Task SendActivityAsync(string conversationId, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var activity = (await _http.GetFromJsonAsync<JsonObject>($"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}"))!;
        edit(activity);
        await PostAsync("_internal/v1/customActivities", activity);
    }

    /// <summary>The next bot message event (createMessage / updateMessage) matching <paramref name="match"/>, skipping others.</summary>
    public Task<JsonObject> NextAsync(Func<JsonObject, bool> match, string what, TimeSpan? timeout = null) =>
        _stream!.NextAsync(match, what, timeout ?? TimeSpan.FromSeconds(20), () => Log);

    private async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}\nPlayground log:\n{Log}");
        }

        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Agents Playground exited with code {_process.ExitCode} before it was ready on port {Port}:\n{Log}\n{ReadLogFile()}");
            }

            try
            {
                if (await _http.GetStringAsync("_debug/ping") == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The Agents Playground did not answer on port {Port} within {timeout.TotalSeconds} s:\n{Log}");
    }

    private async Task ConnectStreamAsync() => _stream = await PlaygroundStream.ConnectAsync(Port);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private string ReadLogFile()
    {
        var file = Path.Combine(_folder, "devTools", "m365agentsplayground.log");
        return File.Exists(file) ? File.ReadAllText(file) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a log file still open; the temp folder is cleaned by the OS
        }
    }
}
