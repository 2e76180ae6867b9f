using Microsoft.Extensions.Configuration;

namespace IncidentFlows.App.Hosting;

/// <summary>
/// Development mode turns authentication off, so it must never be on by accident: it runs only in the
/// Development environment and only when every address the server listens on is loopback. Otherwise the
/// host refuses to start with the reason (<see cref="Refusal"/>).
/// </summary>
public static class DevelopmentModeGuard
{
    /// <summary>Why the host must not start; null when development mode is off or allowed here.</summary>
    public static string? Refusal(bool developmentMode, string environmentName, IEnumerable<string> listenUrls)
    {
        if (!developmentMode)
        {
            return null;
        }

        if (!string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase))
        {
            return $"IncidentFlows:DevelopmentMode is on, which turns authentication off, but the environment is '{environmentName}': "
                + "it runs only in the Development environment (ASPNETCORE_ENVIRONMENT=Development). Turn it off, or run locally.";
        }

        var open = listenUrls.Where(url => !IsLoopback(url)).ToList();
        return open.Count == 0
            ? null
            : $"IncidentFlows:DevelopmentMode is on, which turns authentication off, but the server would listen on {string.Join(", ", open)}: "
                + "it runs only on loopback (http://127.0.0.1:<port> or http://localhost:<port>). Listen on loopback, or turn it off.";
    }

    /// <summary>The addresses an ASP.NET Core server is configured to listen on (urls, http_ports, Kestrel endpoints; default localhost).</summary>
    public static IReadOnlyList<string> ListenUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var (setting, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
        {
            urls.AddRange((configuration[setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"{scheme}://*:{port}"));
        }

        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Count == 0 ? ["http://localhost:5000"] : urls;
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url.Replace("://*", "://any.invalid", StringComparison.Ordinal).Replace("://+", "://any.invalid", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.IsLoopback; // localhost, 127.0.0.0/8, [::1]; never 0.0.0.0, [::] or a wildcard
}
