using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentFlows.Testing.Teams;

/// <summary>One request as our code sent it: method, path with query, headers and body text.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => PathAndQuery.Split('?')[0];

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>What a fake answers: a status, a JSON body (or none) and extra headers.</summary>
public sealed record FakeResponse(int Status, string? Json = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Ok(string json) => new(200, json);
}

/// <summary>
/// An in-process ASP.NET Core server on a free 127.0.0.1 port that records every request and answers
/// through <see cref="Respond"/>. The base for the fake Bot Connector, Graph and OpenID metadata.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeHttpServer(WebApplication app, int port, Func<RecordedRequest, FakeResponse> respond)
    {
        _app = app;
        Port = port;
        Respond = respond;
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public Func<RecordedRequest, FakeResponse> Respond { get; set; }

    /// <summary>While set, every request is recorded and then never answered, like a hung host; the caller has to give up.</summary>
    public bool Hangs { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeHttpServer> StartAsync(Func<RecordedRequest, FakeResponse> respond)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new FakeHttpServer(app, port, respond);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var request = new RecordedRequest(
            http.Request.Method,
            Uri.UnescapeDataString(http.Request.Path.ToUriComponent()) + http.Request.QueryString.Value,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(request);
        if (Hangs)
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        var response = Respond(request);
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        if (response.Json is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(response.Json, http.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
