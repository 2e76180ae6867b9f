using System.Diagnostics;
using System.Globalization;

namespace IncidentFlows.Testing;

/// <summary>How to launch the pinned Azurite (blob, queue and table: the Durable Task engine needs all three) from the repository's node_modules.</summary>
internal static class AzuriteCommand
{
    public static string FindExecutable(DirectoryInfo repositoryRoot)
    {
        var bin = Path.Combine(repositoryRoot.FullName, "node_modules", ".bin", "azurite");
        return File.Exists(bin)
            ? bin
            : throw new InvalidOperationException(
                $"Azurite is not installed: {bin} is missing. Run `npm ci` in {repositoryRoot.FullName} (the pinned azurite 3.37.0 is in package-lock.json).");
    }

    public static ProcessStartInfo StartInfo(string bin, AzuritePorts ports, string? dataDirectory, AzuriteTls? tls)
    {
        var startInfo = new ProcessStartInfo(bin)
        {
            ArgumentList =
            {
                "--blobHost", "127.0.0.1", "--blobPort", ports.Blob.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", ports.Queue.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", ports.Table.ToString(CultureInfo.InvariantCulture),
                "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
            },
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (dataDirectory is null)
        {
            startInfo.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            startInfo.ArgumentList.Add("--location");
            startInfo.ArgumentList.Add(dataDirectory);

            // A graceful stop waits for idle keep-alive connections; 1 s instead of 5 keeps InterruptAsync quick.
            foreach (var service in new[] { "--blobKeepAliveTimeout", "--queueKeepAliveTimeout", "--tableKeepAliveTimeout" })
            {
                startInfo.ArgumentList.Add(service);
                startInfo.ArgumentList.Add("1");
            }
        }

        if (tls is not null)
        {
            foreach (var argument in new[] { "--cert", tls.CertificatePath, "--key", tls.KeyPath, "--oauth", "basic" })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        return startInfo;
    }
}

/// <summary>The three loopback ports one Azurite listens on.</summary>
internal sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    public IEnumerable<int> All => [Blob, Queue, Table];
}
