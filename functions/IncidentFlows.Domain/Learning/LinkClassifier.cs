using System.Text.RegularExpressions;

namespace IncidentFlows.Domain.Learning;

/// <summary>
/// A kind of tool link: its name, a regular expression over the URL, and a title made of the expression's named
/// groups (<c>{owner}/{repo}#{n}</c>); without a title, the URL's host and path are the title.
/// </summary>
public sealed record LinkPattern(string Kind, string Pattern, string? Title = null);

/// <summary>A link a war-room message shared, of a known kind.</summary>
public sealed record SharedLink(string Kind, string Url, string Title);

/// <summary>
/// Finds the links of known tools in a war-room message, so they land on the timeline by themselves ("shared a
/// GitHub pull request: contoso/shop#412"). A team's own patterns come first; other links are not recorded.
/// </summary>
public static partial class LinkClassifier
{
    /// <summary>Tools every team has some of; a team adds its own in <c>team.links</c>.</summary>
    public static readonly IReadOnlyList<LinkPattern> BuiltIn =
    [
        new("GitHub pull request", @"^https://github\.com/(?<owner>[\w.-]+)/(?<repo>[\w.-]+)/pull/(?<n>\d+)", "{owner}/{repo}#{n}"),
        new("GitHub commit", @"^https://github\.com/(?<owner>[\w.-]+)/(?<repo>[\w.-]+)/commit/(?<sha>[0-9a-f]{7})[0-9a-f]*", "{owner}/{repo}@{sha}"),
        new("GitHub issue", @"^https://github\.com/(?<owner>[\w.-]+)/(?<repo>[\w.-]+)/issues/(?<n>\d+)", "{owner}/{repo}#{n}"),
        new("Azure DevOps pull request", @"^https://dev\.azure\.com/[^/]+/(?<project>[^/]+)/_git/(?<repo>[^/]+)/pullrequest/(?<n>\d+)", "{project}/{repo}!{n}"),
        new("Azure DevOps commit", @"^https://dev\.azure\.com/[^/]+/(?<project>[^/]+)/_git/(?<repo>[^/]+)/commit/(?<sha>[0-9a-f]{7})[0-9a-f]*", "{project}/{repo}@{sha}"),
        new("Azure DevOps work item", @"^https://dev\.azure\.com/[^/]+/(?<project>[^/]+)/_workitems/edit/(?<n>\d+)", "{project} #{n}"),
        new("Sentry issue", @"^https://(?:(?<org>[\w-]+)\.)?sentry\.io/(?:organizations/[\w-]+/)?issues/(?<n>\d+)", "issue {n}"),
        new("Grafana dashboard", @"^https://[^/]*grafana[^/]*/d/[\w-]+/(?<slug>[\w-]+)", "{slug}"),
        new("Azure portal resource", @"^https://portal\.azure\.com/.*/resourceGroups/(?<group>[^/]+)/providers/[^/]+/[^/]+/(?<name>[^/?#]+)", "{name} in {group}"),
        new("Datadog page", @"^https://[\w-]+\.datadoghq\.(?:com|eu)/(?<page>[\w/-]+)", "{page}"),
    ];

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The known links in <paramref name="text"/>, each once, in the order they appear.</summary>
    public static IReadOnlyList<SharedLink> Find(string? text, IEnumerable<LinkPattern> teamPatterns)
    {
        var patterns = (teamPatterns ?? []).Concat(BuiltIn).ToList();
        var found = new List<SharedLink>();
        foreach (var url in Urls().Matches(text ?? "").Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']')).Distinct(StringComparer.Ordinal))
        {
            if (patterns.Select(p => Classify(p, url)).FirstOrDefault(l => l is not null) is { } link)
            {
                found.Add(link);
            }
        }

        return found;
    }

    /// <summary>Whether a team's pattern is a regular expression we can run; the message that says why not otherwise.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"not a regular expression: {e.Message}";
        }
    }

    private static SharedLink? Classify(LinkPattern pattern, string url)
    {
        Match match;
        try
        {
            match = Regex.Match(url, pattern.Pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a team's pattern that backtracks forever never stalls the war room
        }

        if (!match.Success)
        {
            return null;
        }

        var title = pattern.Title is null ? "" : Groups().Replace(pattern.Title, g => match.Groups[g.Groups[1].Value].Value).Trim();
        return new SharedLink(pattern.Kind, url, title.Length > 0 ? title : HostAndPath(url));
    }

    private static string HostAndPath(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host + uri.AbsolutePath).TrimEnd('/') : url;

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Urls();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Groups();
}
