using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IncidentFlows.App.Security;

/// <summary>
/// Reads <see cref="ApiKeyOptions"/> source by source and merges the keys by name, a later source's entry
/// replacing an earlier one's of the same name. Binding the merged configuration would merge lists by
/// position: the first key of apikeys.json and the first key of the settings would become one entry with
/// the name of one and the hash of the other. Entries may be a list or an object keyed by name.
/// </summary>
internal sealed class ApiKeysByName(IConfiguration configuration) : IConfigureOptions<ApiKeyOptions>
{
    private const string Section = ApiKeyOptions.Section + ":Keys";

    public void Configure(ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byName = new Dictionary<string, ApiKeyEntry>(StringComparer.Ordinal);
        var providers = configuration is IConfigurationRoot root ? root.Providers : [];
        foreach (var provider in providers)
        {
            foreach (var entry in Entries(provider))
            {
                byName[entry.Name] = entry;
            }
        }

        options.Keys.Clear();
        foreach (var entry in byName.Values)
        {
            options.Keys.Add(entry);
        }
    }

    private static IEnumerable<ApiKeyEntry> Entries(IConfigurationProvider provider)
    {
        foreach (var child in provider.GetChildKeys([], Section).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var path = $"{Section}:{child}";
            var name = Value(provider, path, "Name") ?? (int.TryParse(child, out _) ? "" : child);
            yield return new ApiKeyEntry
            {
                Name = name,
                Team = Value(provider, path, "Team") ?? "",
                Sha256 = Value(provider, path, "Sha256") ?? "",
                Scopes = [.. provider.GetChildKeys([], $"{path}:Scopes").Distinct().Select(i => Value(provider, $"{path}:Scopes", i) ?? "")],
            };
        }
    }

    private static string? Value(IConfigurationProvider provider, string path, string key) =>
        provider.TryGet($"{path}:{key}", out var value) ? value : null;
}
