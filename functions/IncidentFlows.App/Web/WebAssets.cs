using Microsoft.AspNetCore.Http;

namespace IncidentFlows.App.Web;

/// <summary>The pages' own stylesheet and script, embedded in the assembly: no asset build step, no files to deploy.</summary>
public static class WebAssets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["site.css"] = (Read("site.css"), "text/css; charset=utf-8"),
        ["live.js"] = (Read("live.js"), "text/javascript; charset=utf-8"),
    };

    public static IResult Get(string name, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(file.Bytes, file.Type);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream($"IncidentFlows.App.Web.{name}")
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
