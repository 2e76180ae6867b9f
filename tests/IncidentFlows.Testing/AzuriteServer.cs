using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using IncidentFlows.App.Storage.Tables;

namespace IncidentFlows.Testing;

/// <summary>
/// A real Azurite Table service for tests: <c>node_modules/.bin/azurite-table</c> from the repository root,
/// in memory, on a free loopback port, stopped (by its PID) on dispose. Missing node_modules is a failure
/// ("run npm ci"), never a silent pass. Use it as an xunit collection fixture (<see cref="SharedAzurite"/>)
/// or create one directly with <see cref="StartAsync"/>.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;
    private int _tableCounter;

    private AzuriteServer(Process process, int port, StringBuilder log)
    {
        _process = process;
        _log = log;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>Path-style Azurite endpoint, e.g. <c>http://127.0.0.1:49152/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{TableConnection.DevelopmentAccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={TableConnection.DevelopmentAccountName};AccountKey={TableConnection.DevelopmentAccountKey};TableEndpoint={TableEndpoint};";

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

    /// <summary>A client with quick retries, so a stopped server fails a test in well under a second.</summary>
    public TableServiceClient CreateClient(TableClientOptions? options = null)
    {
        options ??= new TableClientOptions();
        if (options.Retry.Delay == TimeSpan.FromSeconds(0.8))
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(20);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        }

        return new TableServiceClient(ConnectionString, options);
    }

    /// <summary>A table name no other test in this process uses (letters and digits only).</summary>
    public string UniqueTableName(string prefix = "t") =>
        $"{prefix}{Interlocked.Increment(ref _tableCounter)}x{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 20)];

    /// <summary>
    /// Starts Azurite in memory, or persisting to <paramref name="dataDirectory"/> (so a test can stop it and
    /// start it again on the same data). <paramref name="repositoryRoot"/> defaults to the folder above the test
    /// binaries that holds package.json.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(string? dataDirectory = null, DirectoryInfo? repositoryRoot = null, CancellationToken ct = default)
    {
        var bin = AzuriteCommand.FindExecutable(repositoryRoot ?? RepositoryRoot.Find());
        for (var attempt = 1; ; attempt++)
        {
            // The free port is released before Azurite binds it; if another process takes it meanwhile, retry.
            var port = FreePort.Next();
            var log = new StringBuilder();
            var process = Process.Start(AzuriteCommand.StartInfo(bin, port, dataDirectory)) ?? throw new InvalidOperationException($"Could not start {bin}.");
            process.OutputDataReceived += (_, e) => Append(log, e.Data);
            process.ErrorDataReceived += (_, e) => Append(log, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new AzuriteServer(process, port, log);
            try
            {
                await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(30), ct);
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
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening on {Port}:\n{Log}");
            }

            if (Log.Contains("successfully started", StringComparison.OrdinalIgnoreCase) && await AcceptsConnectionsAsync(ct))
            {
                return;
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"Azurite did not listen on port {Port} within {timeout.TotalSeconds} s:\n{Log}");
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
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
    }
}
