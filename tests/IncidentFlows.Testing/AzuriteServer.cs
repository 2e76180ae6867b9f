using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace IncidentFlows.Testing;

/// <summary>
/// A real Azurite for tests — blob, queue and table, as the Durable Task engine needs — <c>node_modules/.bin/azurite</c>
/// from the repository root, in memory, on free loopback ports, stopped (by its PID) on dispose. Missing node_modules is a failure
/// ("run npm ci"), never a silent pass. Use it as an xunit collection fixture (<see cref="SharedAzurite"/>)
/// or create one directly with <see cref="StartAsync"/>.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;
    private readonly AzuritePorts _ports;

    private AzuriteServer(Process process, AzuritePorts ports, StringBuilder log, AzuriteTls? tls)
    {
        _process = process;
        _log = log;
        _ports = ports;
        Tls = tls;
    }

    /// <summary>The certificate Azurite serves when started with <see cref="AzuriteOptions.HttpsWithOAuth"/>.</summary>
    public AzuriteTls? Tls { get; }

    /// <summary>The table service's port.</summary>
    public int Port => _ports.Table;

    public int BlobPort => _ports.Blob;

    public int QueuePort => _ports.Queue;

    public int ProcessId => _process.Id;

    public bool IsRunning => !_process.HasExited;

    /// <summary>Output Azurite wrote so far (for failure messages).</summary>
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

    /// <summary>Starts Azurite (in memory, http, shared key only unless <paramref name="options"/> say otherwise).</summary>
    public static async Task<AzuriteServer> StartAsync(AzuriteOptions? options = null, CancellationToken ct = default)
    {
        options ??= new AzuriteOptions();
        var bin = AzuriteCommand.FindExecutable(options.RepositoryRoot ?? RepositoryRoot.Find());
        for (var attempt = 1; ; attempt++)
        {
            // The free port is released before Azurite binds it; if another process takes it meanwhile, retry.
            var ports = new AzuritePorts(FreePort.Next(), FreePort.Next(), FreePort.Next());
            var log = new StringBuilder();
            var tls = options.HttpsWithOAuth ? new AzuriteTls() : null;
            var process = Process.Start(AzuriteCommand.StartInfo(bin, ports, options.DataDirectory, tls)) ?? throw new InvalidOperationException($"Could not start {bin}.");
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new AzuriteServer(process, ports, log, tls);
            try
            {
                // Node loads all three services before listening: 2–3 s on a quiet box, 20–40 s on a loaded one.
                await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(120), ct);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Log.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening on {_ports}:\n{Log}");
            }

            if (await AllAcceptConnectionsAsync(ct))
            {
                return;
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"Azurite did not listen on {_ports} within {timeout.TotalSeconds} s:\n{Log}");
    }

    private async Task<bool> AllAcceptConnectionsAsync(CancellationToken ct)
    {
        foreach (var port in _ports.All)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, ct);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    /// <summary>Kills the Azurite process (and its children) by PID; used by tests that need an outage.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Stops Azurite the way Ctrl+C does (SIGINT): it stops listening and saves its data directory, so a test can
    /// restart it on the same data. Falls back to killing it after 10 s.
    /// </summary>
    public async Task InterruptAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        Tls?.Dispose();
    }
}
